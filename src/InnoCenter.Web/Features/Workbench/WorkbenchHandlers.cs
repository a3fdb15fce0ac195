using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Workbench;

/// <summary>One task that waits on the user, with its title in the user's language.</summary>
public sealed record WorkItemDto(string Key, string Title, int Count, int Overdue, string Link);

/// <summary>The tasks of one module.</summary>
public sealed record WorkGroupDto(string Module, string Title, int Count, int Overdue, IReadOnlyList<WorkItemDto> Items);

/// <summary>The workbench (工作台): every module's waiting tasks for the signed-in user; empty when nothing waits.</summary>
public sealed record WorkbenchDto(int Total, int Overdue, IReadOnlyList<WorkGroupDto> Groups);

/// <summary>Asks every registered source for its counts and groups them by module, in the order the sources were registered.</summary>
public sealed class WorkbenchHandlers(IEnumerable<IWorkbenchSource> sources, CurrentUser user, Text text)
{
    public async Task<WorkbenchDto> GetAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (user.IsSignedIn)
        {
            // One after another: the sources share the request's DbContext, which runs one query at a time.
            foreach (var source in sources)
            {
                items.AddRange((await source.ItemsForAsync(user, ct)).Where(i => i.Count > 0));
            }
        }

        var groups = items
            .GroupBy(i => i.Module)
            .Select(g => new WorkGroupDto(
                g.Key, text[g.Key], g.Sum(i => i.Count), g.Sum(i => i.Overdue),
                g.Select(i => new WorkItemDto(i.TitleKey, text[i.TitleKey], i.Count, i.Overdue, i.Link)).ToList()))
            .ToList();
        return new WorkbenchDto(groups.Sum(g => g.Count), groups.Sum(g => g.Overdue), groups);
    }
}
