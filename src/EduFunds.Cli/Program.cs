using EduFunds.Cli;

return await EduFundsApp.RunAsync(args);
