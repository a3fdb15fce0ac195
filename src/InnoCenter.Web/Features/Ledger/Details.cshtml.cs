using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger.Kinds;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>One record: its fields, its evidence, and for a deal its receipts and their split among the co-owners.</summary>
public sealed class DetailsModel(LedgerKinds kinds, LedgerEvidence evidence, ReceiptHandlers receipts, Text text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReceiptInput Receipt { get; set; } = new();

    public ILedgerKind LedgerKind { get; private set; } = null!;

    public LedgerItem Item { get; private set; } = null!;

    public IReadOnlyList<AttachmentDto> Evidence { get; private set; } = [];

    public IReadOnlyList<ReceiptDto> Receipts { get; private set; } = [];

    public bool IsDeal => LedgerKind.Slug == DealLedger.Key;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Receipt.ReceivedOn = clock.TodayInBeijing();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEvidenceAsync(IFormFile? file, CancellationToken ct)
    {
        if (kinds.Find(Kind) is not { } kind)
        {
            return NotFound();
        }

        var result = await evidence.UploadAsync(kind, Id, file, ct);
        return await After(result.IsSuccess ? null : result.Failure, "Evidence", ct);
    }

    public async Task<IActionResult> OnPostReceiptAsync(CancellationToken ct)
    {
        var result = await receipts.AddAsync(Id, new ReceiptRequest { ReceivedOn = Receipt.ReceivedOn, Amount = Receipt.Amount, Note = Receipt.Note }, ct);
        return await After(result.IsSuccess ? null : result.Failure, "Receipt", ct);
    }

    public async Task<IActionResult> OnPostRemoveReceiptAsync(Guid receiptId, int? version, CancellationToken ct)
    {
        var result = await receipts.RemoveAsync(receiptId, version, ct);
        return await After(result.IsSuccess ? null : result.Failure, "Receipt", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? version, CancellationToken ct)
    {
        if (kinds.Find(Kind) is not { } kind)
        {
            return NotFound();
        }

        var result = await kind.DeleteAsync(Id, version, ct);
        if (!result.IsSuccess)
        {
            ModelState.AddFailure(result.Failure!, text);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        TempData["Flash"] = text["ledger.deleted"];
        return Redirect($"/Ledger/{kind.Slug}");
    }

    private async Task<IActionResult> After(Domain.Common.Failure? failure, string prefix, CancellationToken ct)
    {
        if (failure is null)
        {
            TempData["Flash"] = text["common.saved"];
            return Redirect($"/Ledger/{Kind}/{Id}");
        }

        ModelState.AddFailure(failure, text, prefix);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (kinds.Find(Kind) is not { } kind)
        {
            return false;
        }

        LedgerKind = kind;
        var found = await kind.GetAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Item = found.Value;
        Evidence = (await evidence.ListAsync(kind, Id, ct)).Value;
        if (IsDeal)
        {
            Receipts = (await receipts.ListAsync(Id, ct)).Value;
        }

        return true;
    }

    public sealed class ReceiptInput
    {
        public DateOnly? ReceivedOn { get; set; }

        public decimal? Amount { get; set; }

        public string? Note { get; set; }
    }
}
