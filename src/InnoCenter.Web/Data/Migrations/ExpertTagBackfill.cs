using InnoCenter.Domain.Reviews;

namespace InnoCenter.Web.Data.Migrations;

/// <summary>Builds every expert's <see cref="ExpertTag"/> rows from the lists: the migration that adds them, and the bench generator.</summary>
public static class ExpertTagBackfill
{
    public static string Sql(bool postgres) => postgres
        ? """
          DELETE FROM "ExpertTags";
          INSERT INTO "ExpertTags" ("Kind", "Code", "ExpertId")
          SELECT DISTINCT 'domain', d, e."Id" FROM "Experts" e CROSS JOIN LATERAL unnest(e."Domains") AS d
          UNION SELECT DISTINCT 'key-area', k, e."Id" FROM "Experts" e CROSS JOIN LATERAL unnest(e."KeyAreas") AS k;
          """
        : """
          DELETE FROM "ExpertTags";
          INSERT INTO "ExpertTags" ("Kind", "Code", "ExpertId")
          SELECT DISTINCT 'domain', j.value, e."Id" FROM "Experts" e, json_each(e."Domains") j
          UNION SELECT DISTINCT 'key-area', j.value, e."Id" FROM "Experts" e, json_each(e."KeyAreas") j;
          """;
}
