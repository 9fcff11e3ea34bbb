namespace Cch.Tasks
{
    /// <summary>
    /// Placeholder for the MSBuild gate: the task that runs <c>dotnet cch check</c> out of process
    /// arrives with the MSBuild issue. It lives here so the package layout is fixed from the start.
    /// </summary>
    public static class CchToolLocator
    {
        /// <summary>The command name of the Cch dotnet tool.</summary>
        public const string ToolCommandName = "dotnet-cch";
    }
}
