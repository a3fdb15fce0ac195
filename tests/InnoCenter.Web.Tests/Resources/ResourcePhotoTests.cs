using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Platform;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>
/// Photos of a resource: added by whoever manages it, checked as every upload is before anything is kept (type by the
/// bytes, name matching them, JPG/PNG only), shown on the resource's page and in the public catalogue, removable.
/// </summary>
public abstract class ResourcePhotoTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task The_owners_photo_shows_on_the_resource_page_and_in_the_public_catalogue()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: "照片扫描电镜"));

        var added = await owner.PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(Png(), "电镜外观.png"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var photo = (await added.Content.ReadFromJsonAsync<ResourcePhotoDto>(Json.Options))!;
        var anonymous = await factory.AnonymousClient().GetAsync(photo.Url);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("image/png", anonymous.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png(), await anonymous.Content.ReadAsByteArrayAsync());
        var member = await factory.MemberUserAsync(center.Institute);
        Assert.Contains(photo.Url, await member.GetStringAsync($"/Resources/Details/{resource.Id}"));
        var catalogue = await factory.AnonymousClient().GetStringAsync($"/Resources/Public?q={Uri.EscapeDataString(resource.Name)}");
        Assert.Contains(photo.Url, catalogue);
        Assert.Contains(resource.Name + " 照片 1", catalogue);
    }

    [ProviderFact]
    public async Task A_photo_that_is_not_a_picture_or_comes_from_someone_else_is_refused_and_nothing_is_kept()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var pdf = "%PDF-1.4\n%照片\n"u8.ToArray().Concat(RandomNumberGenerator.GetBytes(32)).ToArray();
        var text = "not a picture"u8.ToArray().Concat(RandomNumberGenerator.GetBytes(32)).ToArray();
        var otherPng = Png().Concat(RandomNumberGenerator.GetBytes(16)).ToArray();

        var pdfAsPng = await owner.PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(pdf, "照片.png"));
        var pdfAsPdf = await owner.PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(pdf, "照片.pdf"));
        var plainText = await owner.PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(text, "照片.jpg"));
        var byMember = await (await factory.MemberUserAsync(center.Institute)).PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(otherPng, "a.png"));

        Assert.Equal(HttpStatusCode.BadRequest, pdfAsPng.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pdfAsPdf.StatusCode);
        Assert.Contains("JPG 或 PNG", await pdfAsPdf.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, plainText.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == resource.Id)));
        Assert.False(StoreHolds(pdf));
        Assert.False(StoreHolds(text));
        Assert.False(StoreHolds(otherPng));
    }

    [ProviderFact]
    public async Task A_photo_of_a_resource_closed_to_outside_users_is_for_signed_in_users_and_a_removed_photo_for_nobody()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center, openToOutside: false));
        var photo = (await (await owner.PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(Png(), "a.png"))).Content.ReadFromJsonAsync<ResourcePhotoDto>(Json.Options))!;
        var member = await factory.MemberUserAsync(center.Institute);

        var anonymousBefore = await factory.AnonymousClient().GetAsync(photo.Url);
        var memberBefore = await member.GetAsync(photo.Url);
        var removed = await owner.PostFormAsync($"/Resources/Details/{resource.Id}?handler=RemovePhoto&photoId={photo.Id}", new Dictionary<string, string>());
        var memberAfter = await member.GetAsync(photo.Url);

        Assert.Equal(HttpStatusCode.NotFound, anonymousBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, memberBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, memberAfter.StatusCode);
        Assert.DoesNotContain(photo.Url, await owner.GetStringAsync($"/Resources/Details/{resource.Id}"));
        Assert.Empty((await owner.GetFromJsonAsync<List<ResourcePhotoDto>>($"/api/v1/resources/{resource.Id}/photos", Json.Options))!);
    }

    [ProviderFact]
    public async Task The_photo_cap_is_the_packs_and_its_refusal_names_the_cap()
    {
        var pack = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(OpenApiLinter.RepositoryRoot, "policies", "tianjin-2020.json")))!;
        pack["resources"]!["maxPhotosPerResource"] = 2;
        var file = Path.Combine(Path.GetTempPath(), "innocenter-tests", $"photo-cap-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, pack.ToJsonString());
        await using var own = await OwnApp<TFactory>.StartAsync(f => f.Settings["Policy:File"] = file);
        var center = await own.Factory.CreateCenterAsync();
        var owner = await own.Factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));

        var first = await owner.PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(Png(), "1.png"));
        var second = await owner.PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(Png().Concat(RandomNumberGenerator.GetBytes(8)).ToArray(), "2.png"));
        var third = await owner.PostAsync($"/api/v1/resources/{resource.Id}/photos", Multipart(Png().Concat(RandomNumberGenerator.GetBytes(8)).ToArray(), "3.png"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Contains("每项资源最多 2 张照片", await third.Content.ReadAsStringAsync());
        Assert.Equal(2, await own.Factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == resource.Id)));
        File.Delete(file);
    }

    private bool StoreHolds(byte[] content)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        return File.Exists(Path.Combine(factory.FilesRoot, sha[..2], sha));
    }

    private static byte[] Png() =>
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Multipart(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
}

public sealed class SqliteResourcePhotoTests(SqliteAppFactory factory) : ResourcePhotoTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresResourcePhotoTests(PostgresAppFactory factory) : ResourcePhotoTests<PostgresAppFactory>(factory);
