using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;

namespace InnoCenter.Web.Infrastructure.Mail;

/// <summary>
/// Writes a mail into the outbox in one language — the recipient's — with the link made absolute (<see cref="PublicLinks"/>),
/// added to the context so it is saved with the change it reports.
/// </summary>
public sealed class MailComposer(AppDbContext db, Bilingual bilingual, PublicLinks links, TimeProvider clock)
{
    /// <summary>The supported language a stored preference stands for; anything unknown reads as Chinese.</summary>
    public static string CultureOf(string? preferred) =>
        string.Equals(preferred, LocalizationSetup.English, StringComparison.OrdinalIgnoreCase) ? LocalizationSetup.English : LocalizationSetup.Chinese;

    /// <param name="subject">The subject, already in <paramref name="culture"/>; it is also the mail's first line.</param>
    /// <param name="text">Further text in <paramref name="culture"/>, or null.</param>
    /// <param name="link">A local path (made absolute here) or null.</param>
    public OutboxEmail Queue(string to, string culture, string subject, string? text, string? link)
    {
        culture = CultureOf(culture);
        var body = new System.Text.StringBuilder();
        body.AppendLine(bilingual.In(culture, "mail.greeting")).AppendLine().AppendLine(subject);
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.AppendLine().AppendLine(text);
        }

        if (!string.IsNullOrEmpty(link))
        {
            body.AppendLine().AppendLine(bilingual.In(culture, "mail.open_link")).AppendLine(links.Absolute(link));
        }

        body.AppendLine().AppendLine("--").AppendLine(bilingual.In(culture, "mail.footer"));
        var mail = new OutboxEmail
        {
            To = to,
            Subject = subject.Length > Domain.Common.FieldLengths.Title ? subject[..Domain.Common.FieldLengths.Title] : subject,
            Body = body.ToString(),
            CreatedAt = clock.GetUtcNow(),
            Culture = culture,
        };
        db.OutboxEmails.Add(mail);
        return mail;
    }
}
