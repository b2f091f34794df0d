using Dyad.Coding.Learning;

namespace Dyad.Encoder;

/// <summary>
/// The accurate mode: the event model trained with the MiniLM encoder's contextual word vectors beside its sparse
/// features, shipped inside Dyad.Encoder, and the encoder it needs.
/// </summary>
public static class AccurateModel
{
    private const string ResourceName = "Dyad.Encoder.Models.events-accurate.model";
    private static readonly Lazy<EventModel?> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shipped accurate model, or null when the build carries none.</summary>
    public static EventModel? Default => LazyDefault.Value;

    private static EventModel? Load()
    {
        using var stream = typeof(AccurateModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return EventModel.Read(buffer.ToArray(), "the shipped accurate event model");
    }
}
