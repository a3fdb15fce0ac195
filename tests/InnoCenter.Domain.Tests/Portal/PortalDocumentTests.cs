using InnoCenter.Domain.Common;
using InnoCenter.Domain.Portal;

namespace InnoCenter.Domain.Tests.Portal;

public sealed class PortalDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static PortalDocument Published() => PortalDocument.Publish(
        Guid.NewGuid(), "津工信/2026-001", "原标题", "津工信科〔2026〕1号", "天津市工业和信息化局", new DateOnly(2026, 3, 1), "正文", "<p>正文</p>", null, Now);

    [Fact]
    public void A_revision_keeps_the_index_number_and_hands_back_the_replaced_text_as_history()
    {
        var doc = Published();

        var replaced = doc.Revise("新标题", " ", "天津市工业和信息化局", new DateOnly(2026, 3, 5), "新正文", "<p>新正文</p>", null, Now.AddDays(3));

        Assert.True(replaced.IsSuccess);
        Assert.Equal("津工信/2026-001", doc.IndexNumber);
        Assert.Equal(2, doc.Revision);
        Assert.Equal("新标题", doc.Title);
        Assert.Null(doc.DocumentNumber);
        Assert.Equal(1, replaced.Value.Number);
        Assert.Equal("原标题", replaced.Value.Title);
        Assert.Equal("津工信科〔2026〕1号", replaced.Value.DocumentNumber);
        Assert.Equal(Now, replaced.Value.InForceFrom);
        Assert.Equal(Now.AddDays(3), replaced.Value.ReplacedAt);
    }

    [Fact]
    public void A_withdrawal_needs_a_reason_and_a_withdrawn_document_is_neither_revised_nor_withdrawn_again()
    {
        var doc = Published();

        Assert.Equal(FailureKind.Validation, doc.Withdraw("  ", null, Now).Failure!.Kind);
        Assert.False(doc.IsWithdrawn);
        Assert.True(doc.Withdraw("已废止", null, Now).IsSuccess);

        Assert.True(doc.IsWithdrawn);
        Assert.Equal("已废止", doc.WithdrawnReason);
        Assert.Equal(FailureKind.IllegalTransition, doc.Withdraw("再次", null, Now).Failure!.Kind);
        Assert.Equal(FailureKind.IllegalTransition, doc.Revise("x", null, "p", new DateOnly(2026, 3, 5), "b", "b", null, Now).Failure!.Kind);
        Assert.Equal(1, doc.Revision);
    }
}
