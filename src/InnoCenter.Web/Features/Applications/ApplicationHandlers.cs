using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// The applicant's and the programme officer's commands on an application. Each loads the aggregate, checks who is
/// asking, asks the aggregate to move (it refuses illegal moves), records the notification, and saves once.
/// </summary>
public sealed partial class ApplicationHandlers(
    AppDbContext db,
    CurrentUser user,
    PolicyProvider policy,
    PolicyVersions versions,
    ApplicationEligibility eligibility,
    Attachments attachments,
    Notifier notifier,
    IApplicationReview review,
    Text text,
    TimeProvider clock)
{
    public const string OwnerType = "Application";

    public async Task<Result<Guid>> CreateAsync(ApplicationRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.CenterUser) || user.OrganizationId is not { } lead)
        {
            return Failure.Forbidden("applications.only_applicants");
        }

        var validated = ApplicationValidator.Validate(request, policy.Current);
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var pack = policy.Current;
        var leadName = await db.Organizations.Where(o => o.Id == lead).Select(o => o.Name).FirstAsync(ct);
        var app = Application.Start(lead, leadName, validated.Value.Details, pack.Code, pack.Version, user.Id!.Value, clock.GetUtcNow());
        var members = await ResolveMembersAsync(lead, request, ct);
        if (!members.IsSuccess)
        {
            return members.Failure!;
        }

        app.SetMembers(members.Value);
        app.SetIndicators(validated.Value.Indicators);
        db.Applications.Add(app);
        await db.SaveChangesAsync(ct);
        return app.Id;
    }

    public async Task<Result<Guid>> UpdateAsync(Guid id, ApplicationRequest request, CancellationToken ct)
    {
        var app = await LoadOwnAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        var a = app.Value;
        if (request.Version is { } v && v != a.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var validated = ApplicationValidator.Validate(request, await PackOfAsync(a, ct));
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var members = await ResolveMembersAsync(a.LeadOrganizationId, request, ct);
        if (!members.IsSuccess)
        {
            return members.Failure!;
        }

        var edited = a.Edit(validated.Value.Details);
        if (!edited.IsSuccess)
        {
            return edited.Failure!;
        }

        a.SetMembers(members.Value);
        a.SetIndicators(validated.Value.Indicators);
        return await SaveAsync(a, ct);
    }

    /// <summary>Attaches a material (申报材料) as the next version of its slot; the old versions stay.</summary>
    public async Task<Result<Guid>> UploadMaterialAsync(Guid id, string materialCode, IFormFile? file, CancellationToken ct)
    {
        var app = await LoadOwnAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        if (!app.Value.IsEditable)
        {
            return Failure.IllegalTransition("application.not_editable", app.Value.Status.ToString());
        }

        if ((await PackOfAsync(app.Value, ct)).RequiredMaterials.All(m => m.Code != materialCode))
        {
            return Failure.Validation(new Error("applications.material_unknown", "material", materialCode));
        }

        var staged = await attachments.StageAsync(OwnerType, id, materialCode, file, ct);
        if (!staged.IsSuccess)
        {
            return staged.Failure!;
        }

        await db.SaveChangesAsync(ct);
        return staged.Value.Id;
    }

    /// <summary>The rules an application is judged by: those of the pack version it began under, never a later one.</summary>
    private Task<PolicyPack> PackOfAsync(Application a, CancellationToken ct) => versions.ForCaseAsync(a.PolicyCode, a.PolicyVersion, ct);

    private async Task<Result<Guid>> SaveAsync(Application a, CancellationToken ct)
    {
        // Someone else moved or edited the application since it was read: exactly one of two writers wins.
        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return a.Id;
    }

    private async Task<Result<Application>> LoadOwnAsync(Guid id, CancellationToken ct)
    {
        var app = await LoadAsync(id, ct);
        if (app is null || !user.IsInRole(Roles.CenterUser) || user.OrganizationId != app.LeadOrganizationId)
        {
            return Failure.NotFound("applications.not_found");
        }

        return app;
    }

    private async Task<Result<Application>> LoadForAdminAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var app = await LoadAsync(id, ct);
        return app is null ? Failure.NotFound("applications.not_found") : app;
    }

    private Task<Application?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Applications.Include(a => a.Members).Include(a => a.Indicators).Include(a => a.Events)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>
    /// Turns the requested members into consortium members: each by credit code, registered on the spot when new
    /// (with the same checks as the organisation register). The lead is always a member.
    /// </summary>
    private async Task<Result<List<ConsortiumMember>>> ResolveMembersAsync(Guid leadId, ApplicationRequest request, CancellationToken ct)
    {
        var errors = new List<Error>();
        var lead = await db.Organizations.FirstAsync(o => o.Id == leadId, ct);
        var members = new List<ConsortiumMember>
        {
            new(lead.Id, lead.Type, lead.Region, request.LeadEquitySharePercent, isLead: true),
        };
        var seen = new HashSet<string> { lead.CreditCode };
        var codes = request.Members.Select(m => Uscc.Normalize(m.CreditCode)).Where(c => c.Length > 0).ToList();
        var known = await db.Organizations.Where(o => codes.Contains(o.CreditCode)).ToDictionaryAsync(o => o.CreditCode, ct);
        for (var i = 0; i < request.Members.Count; i++)
        {
            var m = request.Members[i];
            var field = $"members[{i}]";
            if (!Uscc.TryParse(m.CreditCode, out var code, out var codeError))
            {
                errors.Add(new Error(codeError!, field + ".creditCode"));
                continue;
            }

            if (!seen.Add(code.Value))
            {
                errors.Add(new Error("applications.member_duplicate", field + ".creditCode", code.Value));
                continue;
            }

            if (!known.TryGetValue(code.Value, out var org))
            {
                var registered = OrganizationValidator.Validate(new OrganizationRequest
                {
                    CreditCode = code.Value,
                    Name = m.Name,
                    Type = m.Kind,
                    Region = m.Region,
                    DistrictCode = m.DistrictCode,
                }, policy.Current);
                if (!registered.IsSuccess)
                {
                    errors.AddRange(registered.Failure!.Errors.Select(e => e with { Field = $"{field}.{e.Field}" }));
                    continue;
                }

                org = Organization.Create(registered.Value.Details, clock.GetUtcNow());
                db.Organizations.Add(org);
            }

            var kind = org.Type;
            if (!string.IsNullOrWhiteSpace(m.Kind) && !Enum.TryParse(m.Kind, true, out kind))
            {
                errors.Add(new Error("organization.type_unknown", field + ".kind", m.Kind));
                continue;
            }

            members.Add(new ConsortiumMember(org.Id, kind, org.Region, m.EquitySharePercent, isLead: false));
        }

        return errors.Count > 0 ? Failure.Validation(errors) : members;
    }
}
