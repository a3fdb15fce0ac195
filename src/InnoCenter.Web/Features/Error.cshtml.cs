using System.Diagnostics;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features;

/// <summary>The friendly page for anything that went wrong: no stack trace, a reference to quote to support.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(Text text) : PageModel
{
    public string Heading { get; private set; } = string.Empty;

    public string Message { get; private set; } = string.Empty;

    public string? RequestId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var code = status ?? 500;
        Heading = text.Has($"error.{code}.title") ? text[$"error.{code}.title"] : text["error.title"];
        Message = text.Has($"error.{code}.detail") ? text[$"error.{code}.detail"] : text["error.detail"];
        Response.StatusCode = code;
    }
}
