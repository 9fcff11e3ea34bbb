namespace Cch.Configuration;

/// <summary>
/// Names the command-line option that sets a <see cref="CchConfig"/> key. <see cref="CchConfig"/> is the one
/// declaration of the options: the config keys are its properties, the JSON schema
/// (<c>schemas/cch-config.schema.json</c>) is checked against them at run time and in tests, and the
/// <c>check</c> command's options are checked against these names.
/// </summary>
/// <param name="name">The option as typed, e.g. <c>--teacher</c>; several keys may share one option
/// (<c>--seeds 5</c> sets <c>seeds</c>, <c>--seeds auto</c> sets <c>autoSeeds</c>).</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class CommandLineOptionAttribute(string name) : Attribute
{
    /// <summary>The option as typed, with its dashes, e.g. <c>--no-self-check</c>.</summary>
    public string Name { get; } = name;
}
