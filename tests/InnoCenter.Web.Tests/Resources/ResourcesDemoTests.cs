using InnoCenter.Domain.Resources;
using InnoCenter.Web.Infrastructure.Startup;
using InnoCenter.Web.Tests.Assessment;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Resources;

public sealed class ResourcesDemoTests
{
    [Fact]
    public async Task The_demo_seeds_resources_of_the_demo_centers_members_once_with_used_pending_and_upcoming_bookings()
    {
        await using var app = await AssessmentApp<SqliteAppFactory>.StartAsync();
        await DemoSeeder.SeedAsync(app.Factory.Services);
        await DemoSeeder.SeedAsync(app.Factory.Services);

        var center = Assert.Single(await app.Factory.WithDbAsync(db => db.Centers.ToListAsync()));
        var resources = await app.Factory.WithDbAsync(db => db.ResearchResources.Where(r => r.CenterId == center.Id).ToListAsync());
        var members = await app.Factory.WithDbAsync(db => db.CenterMemberships.Where(m => m.CenterId == center.Id).Select(m => m.OrganizationId).ToListAsync());
        var bookings = await app.Factory.WithDbAsync(db => db.ResourceBookings.ToListAsync());

        Assert.Equal(3, resources.Count);
        Assert.All(resources, r => Assert.Contains(r.OwnerOrganizationId, members));
        Assert.Equal(3, bookings.Count(b => b.Status == BookingStatus.Completed && b.ChargeFen > 0));
        Assert.Single(bookings, b => b.Status == BookingStatus.Pending);
        Assert.Single(bookings, b => b.Status == BookingStatus.Approved);
        Assert.All(bookings, b => Assert.Equal(TimeSpan.Zero, b.Starts.Offset));
        // Two statements of last month, one recorded paid for exactly its charge and one left unpaid.
        var used = bookings.Where(b => b.Status == BookingStatus.Completed).ToList();
        Assert.Equal(2, used.Select(b => b.BookerOrganizationId).Distinct().Count());
        var paid = Assert.Single(await app.Factory.WithDbAsync(db => db.ResourceStatementPayments.ToListAsync()));
        Assert.Equal(StatementPaymentState.Paid, paid.Status);
        Assert.Equal(used.Where(b => b.BookerOrganizationId == paid.OrganizationId).Sum(b => b.Charge), paid.Amount);
        Assert.All(used, b => Assert.Equal((paid.Year, paid.Month), (b.Starts.ToBeijingTime().Year, b.Starts.ToBeijingTime().Month)));
    }
}
