package dev.kiln.monitor.expect;

/**
 * One bin of a {@link Expectation.DistributionWithin} check.
 *
 * @param bin          the bin's label: a range of numbers ("[3.2, 4.1)") or a category ("other" for the rest)
 * @param reference    the reference's share of the bin
 * @param current      the current data's share of the bin
 * @param contribution the bin's term of the distance (see {@link DistanceMethod}); larger where it moved more
 */
public record DistributionBin(String bin, double reference, double current, double contribution) {

    /** The {@code n} bins of largest contribution, largest first. */
    static java.util.List<DistributionBin> largest(java.util.List<DistributionBin> bins, int n) {
        return bins.stream().sorted(java.util.Comparator.comparingDouble(DistributionBin::contribution).reversed()).limit(n).toList();
    }
}
