using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// What every operation of the API document says alike, written once instead of on 200 endpoints: the bearer scheme of
/// personal access tokens (anonymous endpoints say they need none), the ProblemDetails answers a caller can meet
/// (401/403 where a sign-in is needed, 404 where the route names a record, 400 and 409 where the call writes), binary
/// content for downloads, and the tags' descriptions. An endpoint's own declarations are never overwritten.
/// </summary>
public static class OpenApiConventions
{
    public const string BearerScheme = "bearer";

    /// <summary>Content types of the platform's downloads, for <c>.Produces(200, contentType: …)</c>.</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Binary = "application/octet-stream";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Account"] = "The signed-in user and their personal access tokens (个人访问令牌)",
        ["Users"] = "User accounts, roles and self-registrations verified by an Admin (账号管理)",
        ["Organizations"] = "Organisations identified by their unified social credit code (单位)",
        ["Applications"] = "Recognition (认定): applications from draft through formal check, review, decision and approval",
        ["Public notices"] = "Public notices (公示) and assessment results notices, open to anyone",
        ["Experts"] = "The expert pool (专家库): records, import, invitations, profiles and standing conflicts",
        ["Reviews"] = "Expert review (专家评审): subjects, conflicts of interest, seeded panel draws, scoring, opinions and site inspections",
        ["Centers"] = "Recognised centers (创新中心): legal entity, status, membership over time and governance",
        ["Centers (public)"] = "Recognised centers as the public sees them",
        ["Ledger: revenue sharing"] = "Receipts of technology-transfer deals split among owners to the fen, and member statements",
        ["Ledger: yearly roll-up"] = "The ledger's yearly figures per center, kept by the writes, read by the assessment and dashboard",
        ["Assessment"] = "Annual assessment (年度考核): cycles on a frozen pack version, reports, scoring, grades and consequences",
        ["Dashboard"] = "The programme dashboard (工作看板)",
        ["Policy"] = "Policy packs (政策包): versions proposed, diffed and applied from a day",
        ["Audit"] = "The sealed audit chain (审计日志) and its verification, for the audit administrator",
        ["Files"] = "Stored files, read by those the owning record lets read them",
        ["Imports"] = "Background imports and their progress",
        ["Notifications"] = "The caller's in-app notifications",
        ["Outbox"] = "The e-mail outbox: delivery state, failures and resend",
        ["Workbench"] = "What waits for the signed-in user (工作台)",
        ["Funds"] = "Special funds (专项资金): grants, tranches with holds, matching receipts, expenditures with vouchers, clawbacks, warnings",
        ["Public"] = "What the public portal reads: published fund allocations and acceptance results",
        ["Portal"] = "The public portal (宣传): typical cases, policy documents with 索引号, inquiries, search, feed",
        ["Plans"] = "Plan implementation (规划实施): a center's construction plan, its revisions, plan against actuals and behind-schedule warnings",
        ["Resources"] = "Shared research resources (科研资源开放共享): catalogue, race-free booking, usage, charges, statements, calendars",
    };

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(DescribeDocument);
            o.AddOperationTransformer(DescribeOperation);
        });

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "InnoCenter API — 制造业创新中心管理服务平台";
        document.Info.Description =
            "The platform's API. Clients authenticate with a personal access token (Authorization: Bearer …) issued on "
            + "the account page; refusals are RFC 9457 ProblemDetails in the caller's language (Accept-Language: zh-CN or en-US).";
        document.Info.License = new OpenApiLicense { Name = "Proprietary: for the commission that runs the programme" };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : server.Url;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (个人访问令牌) from the account page. Pages use the sign-in cookie instead.",
        };

        var used = (document.Paths ?? new OpenApiPaths()).Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.TryGetValue(name, out var d) ? d
                : name.StartsWith("Ledger: ", StringComparison.Ordinal) ? $"The center ledger (成果台账): {name[8..]} records, import, export and evidence"
                : name,
        }));
        return Task.CompletedTask;
    }

    private static async Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var method = context.Description.HttpMethod ?? "GET";
        var writes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var namesRecord = context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Path");

        operation.Security = anonymous
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];

        operation.Responses ??= new OpenApiResponses();
        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
        if (context.Document is { } doc)
        {
            doc.Components ??= new OpenApiComponents();
            doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            if (!doc.Components.Schemas.ContainsKey(nameof(ProblemDetails)))
            {
                doc.AddComponent(nameof(ProblemDetails), problem);
            }
        }

        void Problem(int status, string description)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                return;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
                },
            };
        }

        if (writes || context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Query"))
        {
            Problem(StatusCodes.Status400BadRequest, "The request was refused: each error names its field");
        }

        if (!anonymous)
        {
            Problem(StatusCodes.Status401Unauthorized, "No valid sign-in or personal access token");
            Problem(StatusCodes.Status403Forbidden, "The caller's role or organisation may not do this");
        }

        if (namesRecord)
        {
            Problem(StatusCodes.Status404NotFound, "No such record, or none the caller may see");
        }

        if (writes)
        {
            Problem(StatusCodes.Status409Conflict, "The record changed since it was read, or the step is not possible in its state");
        }

        // Downloads declare their content type (.Produces(200, contentType: …)) without a body type; the generator then
        // leaves the response empty, so say here that the body is the file itself.
        foreach (var produces in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.Type is null || p.Type == typeof(void)))
        {
            var key = produces.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var existing) && existing is OpenApiResponse response && produces.ContentTypes.Any())
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                foreach (var type in produces.ContentTypes)
                {
                    response.Content.TryAdd(type, new OpenApiMediaType());
                }
            }
        }

        foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
        {
            foreach (var (type, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (type is Xlsx or Docx or Binary or "text/calendar" && media.Schema is null)
                {
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }
        }
    }
}
