namespace Cch.Data.Parquet;

/// <summary>
/// One read of <see cref="DatasetLoader"/>: opens every file once (hashing each on another thread while it is
/// read), then runs the three steps — the <see cref="ColumnResolver"/> (specs → files and columns), the
/// <see cref="RowPlanner"/> (filters, join, sample) and the <see cref="MatrixReader"/> (numeric columns → matrices) —
/// and builds the label and the keys of the planned rows.
/// </summary>
internal sealed class LoadSession(LoadRequest request, IProgress<InputProgress>? progress, CancellationToken cancellationToken)
{
    /// <summary>Reads the student spec alone, with its keys when a key is given (<see cref="LoadRoles.Column"/>).</summary>
    public async Task<ColumnData> RunColumnAsync()
    {
        var read = await ReadAsync().ConfigureAwait(false);
        return new ColumnData
        {
            Features = read.Student,
            Keys = read.Keys,
            IntegerKeys = read.IntegerKeys,
            Input = read.Inputs[0],
        };
    }

    /// <summary>Reads X (the student spec) with Y (the one teacher spec, <see cref="LoadRoles.Pair"/>) or with the label (<see cref="LoadRoles.Labelled"/>).</summary>
    public async Task<PairData> RunPairAsync()
    {
        var read = await ReadAsync().ConfigureAwait(false);
        return new PairData
        {
            X = read.Student,
            Y = request.Roles == LoadRoles.Pair ? read.Teachers[0] : null,
            Label = read.Label,
            Keys = read.Keys,
            Inputs = read.Inputs,
            Join = read.Join,
            Sample = read.Sample,
        };
    }

    /// <summary>Reads the teachers, the student and the label (<see cref="LoadRoles.Check"/>).</summary>
    public async Task<Dataset> RunAsync()
    {
        var read = await ReadAsync().ConfigureAwait(false);
        return new Dataset
        {
            Teachers = read.Teachers,
            Student = read.Student,
            Label = read.Label!,
            Keys = read.Keys,
            Inputs = read.Inputs,
            Join = read.Join,
            Sample = read.Sample,
        };
    }

    private async Task<Read> ReadAsync()
    {
        if (request.Roles == LoadRoles.Check && request.Teachers.Count == 0)
            throw new CchInputException("No teacher representation was given; expected at least one teacher column spec ([PATH:]COLUMN).");
        if (request.Roles == LoadRoles.Pair && request.Teachers.Count != 1)
            throw new ArgumentException("A pair of representations has exactly one Y.", nameof(request));

        var resolver = new ColumnResolver(request);
        var files = resolver.Files;
        // Each file's SHA-256 is computed on another thread while the file is read (a 6 GB file takes ~5 s to hash).
        using var hashing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hashes = new List<Task<string>>();
        try
        {
            foreach (var state in files)
            {
                state.File = await ParquetInputFile.OpenAsync(state.Path, cancellationToken).ConfigureAwait(false);
                if (state.File.Rows == 0)
                    throw new CchInputException("has no rows; expected at least one sample.", state.Path);
                var file = state.File;
                hashes.Add(Task.Run(() => file.ComputeSha256Async(hashing.Token), hashing.Token));
            }

            var columns = resolver.ResolveColumns();
            var labelFile = resolver.LabelFile;
            var (join, sample) = await new RowPlanner(request, files, cancellationToken).PlanAsync(labelFile, columns.Label).ConfigureAwait(false);
            var label = request.ReadsLabel ? LabelBuilder.Build(labelFile.Label!, labelFile.OutputRows!, request.Task, labelFile.Path) : null;
            var keys = request.Key is null ? null : labelFile.OutputRows!.Select(r => labelFile.Key!.Text(r)).ToArray();

            var matrices = await new MatrixReader(files, progress, cancellationToken).ReadAsync(columns.Features, sample.Rows).ConfigureAwait(false);
            var inputs = new List<InputFileInfo>(files.Count);
            for (var i = 0; i < files.Count; i++)
                inputs.Add(new InputFileInfo(files[i].Path, files[i].File!.Rows, await hashes[i].ConfigureAwait(false)));
            return new Read(
                columns.Teachers.Select(p => matrices[p]).ToList(),
                matrices[columns.Student],
                label,
                keys,
                files[0].KeyColumn is { Kind: ValueKind.Integer },
                inputs,
                join,
                sample);
        }
        finally
        {
            // A read that failed stops the hashing before the files are closed.
            await hashing.CancelAsync().ConfigureAwait(false);
            foreach (var hash in hashes)
                await Task.WhenAny(hash).ConfigureAwait(false);
            foreach (var state in files)
                if (state.File is not null)
                    await state.File.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What one read produced, before it is shaped for its caller.</summary>
    private sealed record Read(
        IReadOnlyList<FeatureMatrix> Teachers,
        FeatureMatrix Student,
        LabelVector? Label,
        IReadOnlyList<string>? Keys,
        bool IntegerKeys,
        IReadOnlyList<InputFileInfo> Inputs,
        JoinSummary Join,
        RowSample Sample);
}
