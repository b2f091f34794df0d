using System.Security.Cryptography;
using Dyad.Text.Analysis;

namespace Dyad.Coding.Learning;

/// <summary>
/// The learned event model: four averaged-perceptron weight tables over hashed features (<see cref="EventFeatures"/>)
/// — the root of the act a word triggers (or none), the full code within that root, the act's mode
/// (<see cref="Training.EventMode"/>), and each actor's role (none, source, target) — plus the decision margins
/// tuned for them. Immutable and thread-safe once loaded. <see cref="Default"/> is the model shipped inside
/// Dyad.Coding, loaded once on first use.
/// </summary>
public sealed class EventModel
{
    private const string Magic = "DYADEVT1";
    private const int FormatVersion = 1;
    private const string ResourceName = "Dyad.Coding.Models.events.model";
    private static readonly Lazy<EventModel?> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    internal EventModel(WeightTable roots, WeightTable codes, WeightTable modes, WeightTable roles, IReadOnlyList<IReadOnlyList<string>> codesByRoot, EventModelSettings settings, WordClasses wordClasses, NounActors nounActors, string version)
    {
        WordClasses = wordClasses;
        NounActors = nounActors;
        Roots = roots;
        Codes = codes;
        Modes = modes;
        Roles = roles;
        CodesByRoot = codesByRoot;
        Settings = settings;
        Version = version;
    }

    /// <summary>The shipped model, or null when the build carries none.</summary>
    public static EventModel? Default => LazyDefault.Value;

    /// <summary>Root scorer: class 0 is "no act", class r is root r (1-20).</summary>
    internal WeightTable Roots { get; }

    /// <summary>Code scorer: class k is the k-th code of the root (features are conjoined with the root).</summary>
    internal WeightTable Codes { get; }

    /// <summary>Mode scorer: classes are <see cref="Training.EventMode"/> values.</summary>
    internal WeightTable Modes { get; }

    /// <summary>Role scorer: 0 none, 1 source, 2 target.</summary>
    internal WeightTable Roles { get; }

    /// <summary>The codes of each root in class order (index 0 unused; 1-20).</summary>
    public IReadOnlyList<IReadOnlyList<string>> CodesByRoot { get; }

    /// <summary>Dense root weights over the encoder's vector of the trigger (accurate mode), or null.</summary>
    public DenseWeights? DenseRoots { get; init; }

    /// <summary>Dense mode weights over the trigger's vector (accurate mode), or null.</summary>
    public DenseWeights? DenseModes { get; init; }

    /// <summary>Dense role weights over the trigger's and the actor's vectors side by side (accurate mode), or null.</summary>
    public DenseWeights? DenseRoles { get; init; }

    /// <summary>True when the model was trained with an encoder and needs its vectors to decode.</summary>
    public bool NeedsEncoder => DenseRoots is not null;

    /// <summary>Common nouns that name actors, learned from the corpus.</summary>
    public NounActors NounActors { get; }

    /// <summary>The word classes the features use.</summary>
    public WordClasses WordClasses { get; }

    /// <summary>Training and decoding settings stored with the weights.</summary>
    public EventModelSettings Settings { get; }

    /// <summary>The same weights decoded with other margins (for tuning and ablations).</summary>
    public EventModel WithMargins(float rootMargin, float roleMargin) =>
        new(Roots, Codes, Modes, Roles, CodesByRoot, Settings with { RootMargin = rootMargin, RoleMargin = roleMargin }, WordClasses, NounActors, Version)
        {
            DenseRoots = DenseRoots,
            DenseModes = DenseModes,
            DenseRoles = DenseRoles,
        };

    /// <summary>Content hash of the model file (12 hex digits): the model's version.</summary>
    public string Version { get; }

    /// <summary>Writes the model to <paramref name="path"/> (format 1).</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Write(stream);
    }

    /// <summary>Writes the model to a stream.</summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        Settings.Write(w);
        w.Write(CodesByRoot.Count);
        foreach (var codes in CodesByRoot)
        {
            w.Write(codes.Count);
            foreach (string c in codes)
            {
                w.Write(c);
            }
        }

        WordClasses.Write(w);
        NounActors.Write(w);
        Roots.Write(w);
        Codes.Write(w);
        Modes.Write(w);
        Roles.Write(w);
        w.Write(NeedsEncoder);
        if (NeedsEncoder)
        {
            DenseRoots!.Write(w);
            DenseModes!.Write(w);
            DenseRoles!.Write(w);
        }
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="InvalidDataException">When the file is not an event model or is damaged.</exception>
    public static EventModel Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return Read(bytes, path);
    }

    /// <summary>Reads a model from its bytes; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">When the bytes are not an event model or are damaged.</exception>
    public static EventModel Read(byte[] bytes, string name)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
            if (r.ReadString() != Magic)
            {
                throw new InvalidDataException($"{name} is not a Dyad event model (no {Magic} header).");
            }

            int format = r.ReadInt32();
            if (format != FormatVersion)
            {
                throw new InvalidDataException($"{name} is event model format {format}; this Dyad reads format {FormatVersion}. Retrain it with 'dyad train-coder'.");
            }

            var settings = EventModelSettings.Read(r);
            int roots = r.ReadInt32();
            var byRoot = new List<IReadOnlyList<string>>(roots);
            for (int i = 0; i < roots; i++)
            {
                int n = r.ReadInt32();
                var codes = new List<string>(n);
                for (int k = 0; k < n; k++)
                {
                    codes.Add(r.ReadString());
                }

                byRoot.Add(codes);
            }

            var classes = WordClasses.Read(r);
            var nouns = NounActors.Read(r);
            var rootTable = WeightTable.Read(r);
            var codeTable = WeightTable.Read(r);
            var modeTable = WeightTable.Read(r);
            var roleTable = WeightTable.Read(r);
            DenseWeights? denseRoots = null, denseModes = null, denseRoles = null;
            if (r.ReadBoolean())
            {
                denseRoots = DenseWeights.Read(r);
                denseModes = DenseWeights.Read(r);
                denseRoles = DenseWeights.Read(r);
            }

            string version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
            return new EventModel(rootTable, codeTable, modeTable, roleTable, byRoot, settings, classes, nouns, version)
            {
                DenseRoots = denseRoots,
                DenseModes = denseModes,
                DenseRoles = denseRoles,
            };
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException($"{name} is damaged or truncated: {ex.Message}", ex);
        }
    }

    private static EventModel? LoadDefault()
    {
        using var stream = typeof(EventModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), "the shipped event model");
    }
}

/// <summary>Settings a model is trained and decoded with; stored in the model file.</summary>
/// <param name="UseRuleFeatures">True when the rule coder's events are features (the combined coder).</param>
/// <param name="RootMargin">How far the best root must score above "no act" for an act to be proposed.</param>
/// <param name="RoleMargin">How far an actor's role must score above "none" to be chosen.</param>
/// <param name="Epochs">Training epochs.</param>
/// <param name="Seed">Shuffling seed.</param>
/// <param name="CorpusHash">Hash of the training documents (12 hex digits).</param>
/// <param name="Encoder">The encoder the dense weights were trained on, or empty.</param>
public sealed record EventModelSettings(bool UseRuleFeatures, float RootMargin, float RoleMargin, int Epochs, int Seed, string CorpusHash, string Encoder = "")
{
    internal void Write(BinaryWriter w)
    {
        w.Write(UseRuleFeatures);
        w.Write(RootMargin);
        w.Write(RoleMargin);
        w.Write(Epochs);
        w.Write(Seed);
        w.Write(CorpusHash);
        w.Write(Encoder);
    }

    internal static EventModelSettings Read(BinaryReader r) =>
        new(r.ReadBoolean(), r.ReadSingle(), r.ReadSingle(), r.ReadInt32(), r.ReadInt32(), r.ReadString(), r.ReadString());
}
