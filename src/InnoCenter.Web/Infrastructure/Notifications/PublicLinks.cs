namespace InnoCenter.Web.Infrastructure.Notifications;

/// <summary>
/// Absolute addresses for links that leave the site (mails, calendar feeds): a mail is read outside any request, so
/// the host comes from the setting <c>App:PublicUrl</c> (the address users reach the platform at), not the request.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration)
{
    public const string DefaultUrl = "http://localhost:5080";

    private readonly string _base = (configuration["App:PublicUrl"] ?? configuration["Urls"]?.Split(';')[0] ?? DefaultUrl).TrimEnd('/');

    public string Base => _base;

    /// <summary>The absolute address of a local path such as <c>/Account/ResetPassword?token=…</c>.</summary>
    public string Absolute(string localPath) => localPath.StartsWith('/') ? _base + localPath : $"{_base}/{localPath}";
}
