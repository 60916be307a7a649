package dev.vitals.plugins.cost.anomalies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generated daily costs of services, the way cloud bills look: a weekly rhythm (weekends at 55–75 %), steady growth
 * (0 to 0.3 % a day), a month-start batch day (1.5 to 2.5 times) on some services, Gaussian noise (3 to 10 %), and
 * planted spikes of 2 to 4 times on random days after the warm-up, which a detector should find and nothing else.
 *
 * @param costs per service its cost per day
 * @param spikes per service the planted days
 */
record PlantedCosts(List<NavigableMap<LocalDate, BigDecimal>> costs, List<Set<LocalDate>> spikes) {

    static PlantedCosts generate(long seed, int services, LocalDate first, int days, int spikesPerService) {
        Random random = new Random(seed);
        List<NavigableMap<LocalDate, BigDecimal>> costs = new ArrayList<>();
        List<Set<LocalDate>> spikes = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            double base = 20 + random.nextDouble() * 2000;
            double weekend = 0.55 + random.nextDouble() * 0.2;
            double growth = random.nextDouble() * 0.003;
            double batch = random.nextBoolean() ? 1.5 + random.nextDouble() : 1;
            double noise = 0.03 + random.nextDouble() * 0.07;
            Set<LocalDate> planted = new HashSet<>();
            while (planted.size() < spikesPerService) {
                LocalDate day = first.plusDays(SeasonalBaseline.WARM_UP_DAYS + random.nextInt(days
                        - SeasonalBaseline.WARM_UP_DAYS));
                if (!planted.contains(day.minusDays(1)) && !planted.contains(day.plusDays(1))) {
                    planted.add(day);
                }
            }
            NavigableMap<LocalDate, BigDecimal> series = new TreeMap<>();
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                double cost = base * Math.pow(1 + growth, d) * (1 + noise * random.nextGaussian());
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    cost *= weekend;
                }
                if (day.getDayOfMonth() == 1) {
                    cost *= batch;
                }
                if (planted.contains(day)) {
                    cost *= 2 + 2 * random.nextDouble();
                }
                series.put(day, BigDecimal.valueOf(Math.max(0, cost)).setScale(4, RoundingMode.HALF_EVEN));
            }
            costs.add(series);
            spikes.add(planted);
        }
        return new PlantedCosts(costs, spikes);
    }

    /** Runs the detector over every service and counts what it found against what was planted. */
    Score score(SeasonalBaseline baseline, LocalDate from, LocalDate to) {
        int truePositives = 0;
        int falsePositives = 0;
        int planted = 0;
        List<String> misses = new ArrayList<>();
        for (int s = 0; s < costs.size(); s++) {
            Set<LocalDate> found = new HashSet<>();
            for (Expectation e : baseline.expectations(costs.get(s), from, to)) {
                if (e.anomalous()) {
                    found.add(e.day());
                }
            }
            for (LocalDate day : spikes.get(s)) {
                if (!day.isBefore(from) && day.isBefore(to)) {
                    planted++;
                    if (found.contains(day)) {
                        truePositives++;
                    } else {
                        misses.add("service " + s + " " + day);
                    }
                }
            }
            for (LocalDate day : found) {
                if (!spikes.get(s).contains(day)) {
                    falsePositives++;
                    misses.add("false: service " + s + " " + day + " " + day.getDayOfWeek());
                }
            }
        }
        return new Score(truePositives, falsePositives, planted, misses);
    }

    record Score(int truePositives, int falsePositives, int planted, List<String> misses) {

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives
                    + falsePositives);
        }

        double recall() {
            return planted == 0 ? 1 : (double) truePositives / planted;
        }
    }
}
