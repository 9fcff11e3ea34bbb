namespace Cch.Sharding;

/// <summary>
/// Decides, for every expensive unit of a run's work, whether to compute it, skip it (another shard's) or take
/// its result from partial reports. The criterion names its units in a fixed order — every term's estimate on
/// all rows (with its self-check) first, then every half-sample of every half-sampled term — and each unit's
/// result depends only on the data, the settings and the seed, never on which units ran before it in the same
/// process; so shard i of N computing the units at positions p ≡ i (mod N) and a merge replaying them gives
/// the same numbers as one run.
/// </summary>
public sealed class WorkLedger
{
    private readonly IReadOnlyDictionary<string, UnitResult>? _replay;
    private readonly List<UnitResult> _computed = [];
    private readonly HashSet<string> _used = [];
    private int _units;

    private WorkLedger(ShardSpec? shard, IReadOnlyDictionary<string, UnitResult>? replay)
    {
        Shard = shard;
        _replay = replay;
    }

    /// <summary>A ledger that computes every unit: an ordinary run.</summary>
    public static WorkLedger Everything() => new(null, null);

    /// <summary>A ledger that computes only <paramref name="shard"/>'s units and records them in <see cref="Computed"/>.</summary>
    /// <param name="shard">The share to compute.</param>
    public static WorkLedger ForShard(ShardSpec shard) => new(shard ?? throw new ArgumentNullException(nameof(shard)), null);

    /// <summary>A ledger that computes nothing: every unit's result comes from <paramref name="results"/> (a merge).</summary>
    /// <param name="results">Every unit of the run, from the parts.</param>
    /// <exception cref="CchInputException">Two results name the same unit.</exception>
    public static WorkLedger Replay(IEnumerable<UnitResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var map = new Dictionary<string, UnitResult>(StringComparer.Ordinal);
        foreach (var r in results)
            if (!map.TryAdd(r.Key, r))
                throw new CchInputException($"The parts hold unit '{r.Key}' twice; each unit belongs to exactly one shard.");
        return new WorkLedger(null, map);
    }

    /// <summary>The share this ledger computes, or <c>null</c> for an ordinary run or a replay.</summary>
    public ShardSpec? Shard { get; }

    /// <summary>Whether results come from partial reports.</summary>
    public bool IsReplay => _replay is not null;

    /// <summary>The units computed so far, in order.</summary>
    public IReadOnlyList<UnitResult> Computed => _computed;

    /// <summary>How many units the run named so far (all of them once the criterion has finished).</summary>
    public int Units => _units;

    /// <summary>Whether this ledger computes the unit at <paramref name="position"/> (a replay computes none).</summary>
    internal bool Computes(int position) => _replay is null && (Shard is not { } s || s.Owns(position));

    /// <summary>
    /// The unit's result: computed (and recorded) when this ledger owns it, replayed, or <c>null</c> when it is
    /// another shard's.
    /// </summary>
    /// <exception cref="CchInputException">A replay lacks the unit, or holds it at another position (the parts come from another plan).</exception>
    internal UnitResult? Resolve(string key, Func<UnitResult> compute)
    {
        var position = _units++;
        if (_replay is not null)
        {
            if (!_replay.TryGetValue(key, out var replayed))
                throw new CchInputException($"The parts hold no result for unit '{key}': they were not written by this run's plan (other data or settings).");
            if (replayed.Position != position)
                throw new CchInputException($"The parts hold unit '{key}' at position {replayed.Position}, but this run puts it at {position}: they were not written by this run's plan.");
            _used.Add(key);
            return replayed;
        }

        if (!Computes(position)) return null;
        var result = compute() with { Key = key, Position = position };
        _computed.Add(result);
        return result;
    }

    /// <summary>With a replay, checks that every recorded unit was used (nothing left over from another plan).</summary>
    /// <exception cref="CchInputException">The parts hold units this run does not have.</exception>
    public void RequireAllReplayed()
    {
        if (_replay is null) return;
        var extra = _replay.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
            throw new CchInputException($"The parts hold {extra.Count} unit(s) this run does not have (e.g. '{extra[0]}'): they were not written by this run's plan.");
    }
}
