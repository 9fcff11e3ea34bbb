using Cch.Tool;

return await CommandRunner.RunAsync(CchCli.CreateRoot(), args);
