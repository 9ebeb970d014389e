namespace EduFunds.Engine;

/// <summary>The fingerprint of a compiled model (see <see cref="ModelFingerprint"/>).</summary>
public sealed partial class ProjectionModel
{
    /// <summary>Fingerprints everything a run reads (see <see cref="ModelFingerprint"/>).</summary>
    /// <returns>The fingerprint.</returns>
    internal ModelFingerprint Fingerprint()
    {
        using var settings = new FingerprintHash();
        settings.Add(Years.From).Add(Years.To).Add(Workbook.ShelveAfter).AddFlag(Workbook.CarryOverPool).Add((long)Workbook.Rounding);
        for (var y = 0; y < YearCount; y++)
        {
            settings.Add(policies[y].Name).Add(flagshipWeights[y]);
        }

        using var streamHash = new FingerprintHash();
        streamHash.Add(StreamCount);
        for (var s = 0; s < StreamCount; s++)
        {
            var stream = streams[s];
            streamHash.Add(stream.Id).Add((long)stream.Kind).Add((long)stream.Recurrence).Add(stream.StartYear).AddOptional(stream.EffectiveEndYear)
                .Add(stream.RenewalProbability).Add(stream.AmountCv).Add(targets[s].Length);
            foreach (var target in targets[s])
            {
                streamHash.Add(target);
            }
        }

        foreach (var amount in planned)
        {
            streamHash.Add(amount);
        }

        using var programHash = new FingerprintHash();
        programHash.Add(ProgramCount);
        for (var p = 0; p < ProgramCount; p++)
        {
            programHash.Add(programIds[p]).Add((long)categories[p]).Add(endYearIndex[p]);
        }

        for (var cell = 0; cell < need.Length; cell++)
        {
            programHash.AddFlag(scheduled[cell]).Add(need[cell]).Add(minimum[cell]).Add(priority[cell]);
        }

        return new ModelFingerprint(settings.Finish(), streamHash.Finish(), programHash.Finish());
    }
}
