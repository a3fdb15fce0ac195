using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Search;

namespace InnoCenter.Web.Features.Resources;

public static class ResourcesRegistration
{
    public static IServiceCollection AddResourcesModule(this IServiceCollection services)
    {
        services.AddScoped<ResourceAccess>();
        services.AddScoped<ResourceHandlers>();
        services.AddScoped<SmeStatusHandlers>();
        services.AddScoped<BookingHandlers>();
        services.AddScoped<BookingQueries>();
        services.AddScoped<BookingWriter>();
        services.AddScoped<BookingSeriesHandlers>();
        services.AddScoped<FreeSlotSearch>();
        services.AddScoped<ResourceFigures>();
        services.AddScoped<ResourceSchedule>();
        services.AddScoped<IKeptFigures, ResourceFigureKeeper>();
        services.AddScoped<IKeptFigures, ResourceAvailabilityKeeper>();
        services.AddScoped<IKeptFigures, ResourceChargeKeeper>();
        services.AddKeptFigures();
        services.AddScoped<ResourceAvailability>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<IReportPrefill, ResourceReportPrefill>();
        services.AddScoped<StatementPayments>();
        services.AddScoped<OverdueStatements>();
        services.AddScoped<ResourcePhotos>();
        services.AddScoped<IAttachmentAccess, ResourcePhotoAccess>();
        services.AddScoped<IAttachmentAccess, SmeEvidenceAccess>();
        services.AddSearchKind<ResearchResource>(ResourceHandlers.SearchKind, r => [r.Name, r.Model, r.Location]);
        services.AddWorkbenchSource<ResourceWorkbenchSource>();
        return services;
    }
}
