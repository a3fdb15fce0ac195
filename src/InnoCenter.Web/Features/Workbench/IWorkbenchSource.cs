using InnoCenter.Web.Infrastructure.Auth;

namespace InnoCenter.Web.Features.Workbench;

/// <summary>
/// One module's part of the workbench (工作台): what waits for the signed-in user in that module, as counted queries.
/// Each module registers its own source, so the workbench depends on no module and every module stays in its folder.
/// </summary>
public interface IWorkbenchSource
{
    Task<IReadOnlyList<WorkItem>> ItemsForAsync(CurrentUser user, CancellationToken ct);
}

/// <summary>A kind of task that waits on the user: its title (a string key), how many there are, and where to act.</summary>
/// <param name="Module">The module's string key, to group the items on the page.</param>
/// <param name="TitleKey">The string key of what waits, e.g. <c>workbench.applicationsToCheck</c>.</param>
/// <param name="Count">How many wait; a source leaves out items with none.</param>
/// <param name="Link">A local path to the filtered list where the user acts.</param>
/// <param name="Overdue">How many of them are past their deadline.</param>
public sealed record WorkItem(string Module, string TitleKey, int Count, string Link, int Overdue = 0);
