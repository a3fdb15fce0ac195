namespace InnoCenter.Web.Features.Plans;

/// <summary>Where the plan's pages are, for links in notifications and the workbench.</summary>
public static class PlanLinks
{
    public static string Center(Guid centerId, int? year = null) => year is { } y ? $"/Centers/Plan/{centerId}?year={y}" : $"/Centers/Plan/{centerId}";

    public const string Behind = "/Plans/Behind";
}
