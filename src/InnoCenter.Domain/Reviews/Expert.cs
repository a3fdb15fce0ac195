using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Reviews;

/// <summary>
/// An expert of the pool (专家库). Conflicts of interest are judged on the credit codes of the organisations the expert
/// works or worked for, never on an e-mail address. An expert may have a sign-in (a user with the Expert role) or be a
/// pool entry the commission contacts by other means.
/// </summary>
public sealed class Expert : IAudited, IVersioned
{
    private readonly List<ExpertAffiliation> _pastAffiliations = [];

    private Expert()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The user (role Expert) who signs in as this expert; null for a pool entry without a sign-in.</summary>
    public Guid? UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>职称, e.g. 教授级高级工程师.</summary>
    public string? Title { get; private set; }

    /// <summary>Credit code of the current employer (工作单位).</summary>
    public string AffiliationCreditCode { get; private set; } = string.Empty;

    public string AffiliationName { get; private set; } = string.Empty;

    public DateOnly? AffiliatedSince { get; private set; }

    /// <summary>Expert-domain codes from the policy (经济、技术、产业、管理、法律); one or more.</summary>
    public IReadOnlyList<string> Domains { get; private set; } = [];

    /// <summary>Key-area codes from the policy the expert knows well; a draw prefers them for a subject in that area.</summary>
    public IReadOnlyList<string> KeyAreas { get; private set; } = [];

    /// <summary>研究专长, free text.</summary>
    public string? Expertise { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Only active experts are drawn.</summary>
    public bool IsActive { get; private set; }

    /// <summary>The expert says they cannot review until this day (inclusive); a draw leaves them out until then.</summary>
    public DateOnly? UnavailableUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    /// <summary>Earlier employers with the dates they ended; the recent ones still count for conflicts.</summary>
    public IReadOnlyList<ExpertAffiliation> PastAffiliations => _pastAffiliations;

    /// <param name="id">
    /// A fresh version-7 id unless given. A draw orders its pool by expert id (<see cref="PanelDrawing"/>), so a caller that
    /// must reproduce draws from a seed — the benchmark generator — gives seeded ids.
    /// </param>
    public static Expert Create(ExpertProfile profile, DateTimeOffset now, Guid? id = null)
    {
        var expert = new Expert { Id = id ?? Guid.CreateVersion7(), CreatedAt = now };
        expert.Apply(profile, now);
        return expert;
    }

    /// <summary>
    /// Applies an edited profile. When the current employer changes, the old one moves into the history, ended on
    /// <paramref name="today"/>, unless the edit lists it there already — so a conflict with it cannot be lost by an edit.
    /// </summary>
    public void Update(ExpertProfile profile, DateOnly today, DateTimeOffset now)
    {
        var past = profile.PastAffiliations.ToList();
        if (profile.AffiliationCreditCode != AffiliationCreditCode
            && past.All(p => p.CreditCode != AffiliationCreditCode))
        {
            past.Add(new AffiliationPeriod(AffiliationCreditCode, AffiliationName, AffiliatedSince, today));
        }

        Apply(profile with { PastAffiliations = past }, now);
    }

    /// <summary>Links the sign-in made from an accepted invitation.</summary>
    public void LinkAccount(Guid userId, DateTimeOffset now)
    {
        if (UserId is { } existing && existing != userId)
        {
            throw new InvalidOperationException("The expert already has another sign-in.");
        }

        UserId = userId;
        UpdatedAt = now;
    }

    /// <summary>What the expert keeps up themselves: domains, key areas, expertise, phone and availability — never the employers.</summary>
    public void UpdateOwnProfile(
        IReadOnlyList<string> domains, IReadOnlyList<string> keyAreas, string? expertise, string? phone, DateOnly? unavailableUntil, DateTimeOffset now)
    {
        if (domains.Count == 0)
        {
            throw new ArgumentException("An expert needs a domain.", nameof(domains));
        }

        Domains = domains.Distinct().ToList();
        KeyAreas = keyAreas.Distinct().ToList();
        Expertise = Blank(expertise);
        Phone = Blank(phone);
        UnavailableUntil = unavailableUntil;
        UpdatedAt = now;
    }

    public bool IsAvailableOn(DateOnly day) => UnavailableUntil is not { } until || until < day;

    /// <summary>A confirmed change of employers (see <see cref="ExpertAffiliationChange"/>), applied as an Admin's edit is.</summary>
    internal void ChangeAffiliations(
        string creditCode, string name, DateOnly? since, IReadOnlyList<AffiliationPeriod> past, DateOnly today, DateTimeOffset now)
    {
        var profile = new ExpertProfile(
            UserId, Name, Title, creditCode, name, since, Domains, KeyAreas, Expertise, Phone, Email, IsActive, past);
        Update(profile, today, now);
    }

    private void Apply(ExpertProfile p, DateTimeOffset now)
    {
        UserId = p.UserId;
        Name = p.Name.Trim();
        Title = Blank(p.Title);
        AffiliationCreditCode = p.AffiliationCreditCode;
        AffiliationName = p.AffiliationName.Trim();
        AffiliatedSince = p.AffiliatedSince;
        Domains = p.Domains.Distinct().ToList();
        KeyAreas = p.KeyAreas.Distinct().ToList();
        Expertise = Blank(p.Expertise);
        Phone = Blank(p.Phone);
        Email = Blank(p.Email);
        IsActive = p.IsActive;
        UpdatedAt = now;

        // Rows that did not change are kept, so the audit log shows only real changes to the history.
        var wanted = p.PastAffiliations.ToList();
        _pastAffiliations.RemoveAll(existing => !wanted.Any(w => existing.Matches(w)));
        foreach (var w in wanted.Where(w => !_pastAffiliations.Any(existing => existing.Matches(w))))
        {
            _pastAffiliations.Add(ExpertAffiliation.Create(Id, w));
        }
    }

    /// <summary>The affiliations that count for conflicts, in the shape the conflict rule reads.</summary>
    public ExpertAffiliations Affiliations() =>
        new(Id, AffiliationCreditCode, AffiliationName,
            _pastAffiliations.Select(a => new AffiliationPeriod(a.CreditCode, a.OrganizationName, a.StartedOn, a.EndedOn)).ToList());

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A past employer (既往工作单位) of an expert.</summary>
public sealed class ExpertAffiliation : IAudited
{
    private ExpertAffiliation()
    {
    }

    public Guid Id { get; private set; }

    public Guid ExpertId { get; private set; }

    public string CreditCode { get; private set; } = string.Empty;

    public string OrganizationName { get; private set; } = string.Empty;

    public DateOnly? StartedOn { get; private set; }

    public DateOnly EndedOn { get; private set; }

    internal static ExpertAffiliation Create(Guid expertId, AffiliationPeriod p) => new()
    {
        Id = Guid.CreateVersion7(),
        ExpertId = expertId,
        CreditCode = p.CreditCode,
        OrganizationName = p.OrganizationName.Trim(),
        StartedOn = p.StartedOn,
        EndedOn = p.EndedOn,
    };

    internal bool Matches(AffiliationPeriod p) =>
        CreditCode == p.CreditCode && OrganizationName == p.OrganizationName.Trim() && StartedOn == p.StartedOn && EndedOn == p.EndedOn;
}

/// <summary>A validated expert profile (credit codes already checked and normalised).</summary>
public sealed record ExpertProfile(
    Guid? UserId,
    string Name,
    string? Title,
    string AffiliationCreditCode,
    string AffiliationName,
    DateOnly? AffiliatedSince,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> KeyAreas,
    string? Expertise,
    string? Phone,
    string? Email,
    bool IsActive,
    IReadOnlyList<AffiliationPeriod> PastAffiliations);

public sealed record AffiliationPeriod(string CreditCode, string OrganizationName, DateOnly? StartedOn, DateOnly EndedOn);

/// <summary>What the conflict rule needs to know about an expert.</summary>
public sealed record ExpertAffiliations(
    Guid ExpertId, string CurrentCreditCode, string CurrentName, IReadOnlyList<AffiliationPeriod> Past);
