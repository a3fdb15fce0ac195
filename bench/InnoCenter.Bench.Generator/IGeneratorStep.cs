namespace InnoCenter.Bench.Generator;

/// <summary>
/// One module's part of the generated data. THE EXTENSION POINT: a module adds one class implementing this interface
/// under <c>Steps/</c>; the generator finds it by reflection and runs every step in <see cref="Order"/>. Each step
/// gets its own random stream (seed and order), so adding a step never changes what the others generate.
/// </summary>
/// <remarks>
/// Orders in use or reserved: 10 organisations, 20 users, 30 applications and notices, 40 experts and panels,
/// 50 centers and membership, 60 ledger (IP, deals, distributions, standards…), 70 assessment cycles and results,
/// 80 funds, 90 shared resources.
/// </remarks>
public interface IGeneratorStep
{
    int Order { get; }

    string Name { get; }

    Task RunAsync(GeneratorContext context, Random random, CancellationToken ct);
}
