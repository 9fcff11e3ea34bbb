Console.WriteLine("cch");
