using InnoCenter.Domain.Portal;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Search;

namespace InnoCenter.Web.Features.Portal;

/// <summary>The portal module's services and endpoints, registered from one call each in FeatureRegistration.</summary>
public static class PortalRegistration
{
    public static IServiceCollection AddPortalModule(this IServiceCollection services)
    {
        services.AddScoped<CaseHandlers>();
        services.AddScoped<PublicCaseQueries>();
        services.AddScoped<DocumentHandlers>();
        services.AddScoped<PublicDocumentQueries>();
        services.AddScoped<PortalHomeQueries>();
        services.AddScoped<PublicFundQueries>();
        services.AddScoped<PortalSearch>();
        services.AddScoped<InquiryHandlers>();
        PortalSearch.AddPortalSearchKinds(services);
        services.AddScoped<IAttachmentAccess, CaseAttachmentAccess>();
        services.AddScoped<IAttachmentAccess, DocumentAttachmentAccess>();
        services.AddWorkbenchSource<PortalWorkbenchSource>();
        return services;
    }

    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTextSize();
        app.MapCaseEndpoints();
        app.MapDocumentEndpoints();
        app.MapPortalFeed();
        PortalSearch.MapPortalSearch(app);
        InquiryHandlers.MapInquiryEndpoints(app);
    }
}
