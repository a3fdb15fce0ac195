using System.Globalization;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>指标权重设置: the Admin changes points, weights, thresholds and grade bands; saving makes a new pack version.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WeightsModel(WeightsHandlers weights, Text text) : PageModel
{
    public WeightsDto Weights { get; private set; } = null!;

    /// <summary>The numbers as typed, keyed "d:code", "i:code:weight", "i:code:zeroAt"…, "g:code", so a refused form comes back as it was sent.</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public int BaseVersion { get; set; }

    public void OnGet()
    {
        Weights = weights.Current();
        BaseVersion = Weights.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Weights = weights.Current();
        var errors = new List<string>();
        decimal? Read(string key)
        {
            var raw = Values.GetValueOrDefault(key);
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }

            if (decimal.TryParse(raw.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }

            errors.Add(text["assessment.weights.not_a_number", raw]);
            return null;
        }

        var request = new WeightsRequest
        {
            BaseVersion = BaseVersion,
            DimensionPoints = Weights.Dimensions.ToDictionary(d => d.Code, d => Read("d:" + d.Code)),
            Indicators = Weights.Indicators.ToDictionary(i => i.Code, i => new IndicatorWeightRequest
            {
                Weight = Read($"i:{i.Code}:weight"),
                ZeroAt = Read($"i:{i.Code}:zeroAt"),
                FullAt = Read($"i:{i.Code}:fullAt"),
                PointsPerUnit = Read($"i:{i.Code}:pointsPerUnit"),
                Cap = Read($"i:{i.Code}:cap"),
            }),
            GradeMinimums = Weights.Grades.ToDictionary(g => g.Code, g => Read("g:" + g.Code)),
        };
        if (errors.Count > 0)
        {
            errors.ForEach(e => ModelState.AddModelError(string.Empty, e));
            return Page();
        }

        var saved = await weights.SaveAsync(request, ct);
        if (!saved.IsSuccess)
        {
            foreach (var e in saved.Failure!.Errors)
            {
                ModelState.AddModelError(string.Empty, text.Of(e));
            }

            return Page();
        }

        TempData["Flash"] = text["assessment.weights.saved", saved.Value.PolicyCode, saved.Value.Version];
        return Redirect("/Assessment/Weights");
    }

    /// <summary>The value to show in a field: what was posted, else the pack's.</summary>
    public string ValueOf(string key, decimal? current) =>
        Values.TryGetValue(key, out var posted) && posted is not null ? posted : current?.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty;
}
