using InnoCenter.Domain.Applications;
using InnoCenter.Web.Infrastructure.Startup;
using InnoCenter.Web.Tests.Assessment;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Workbench;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task The_demo_center_is_founded_once_from_an_approved_demo_application_with_its_consortium()
    {
        await using var app = await AssessmentApp<SqliteAppFactory>.StartAsync();
        await DemoSeeder.SeedAsync(app.Factory.Services);
        await DemoSeeder.SeedAsync(app.Factory.Services);

        var center = Assert.Single(await app.Factory.WithDbAsync(db => db.Centers.ToListAsync()));
        var application = await app.Factory.WithDbAsync(db => db.Applications.Include(a => a.Members).Include(a => a.Events).SingleAsync(a => a.Id == center.ApplicationId));
        var members = await app.Factory.WithDbAsync(db => db.CenterMemberships.Where(m => m.CenterId == center.Id).Select(m => m.OrganizationId).ToListAsync());

        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(application.ApprovedOn, center.ApprovedOn);
        Assert.Equal(application.ApprovalNumber, center.ApprovalNumber);
        Assert.Equal(application.Members.Select(m => m.OrganizationId).Order(), members.Order());
        Assert.Equal(7, application.Events.Count);
    }
}
