package dev.kiln.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedules against PyTorch 1.13's schedulers: the rate an SGD optimiser (lr 0.1) holds before
 * each update, printed by
 *
 * <pre>{@code
 * import torch
 * def lrs(make, n):
 *     p = torch.nn.Parameter(torch.zeros(1))
 *     opt = torch.optim.SGD([p], lr=0.1)
 *     s = make(opt)
 *     out = []
 *     for i in range(n):
 *         out.append(opt.param_groups[0]["lr"])
 *         if i + 1 < n:
 *             opt.step()
 *             s.step()
 *     return out
 * S = torch.optim.lr_scheduler
 * print(lrs(lambda o: S.StepLR(o, step_size=3, gamma=0.5), 11))
 * print(lrs(lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001), 14))
 * print(lrs(lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=20, cycle_momentum=False), 20))
 * print(lrs(lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=20, cycle_momentum=False, three_phase=True,
 *                                  anneal_strategy="linear"), 20))
 * print(lrs(lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=4),
 *                                        S.CosineAnnealingLR(o, T_max=10, eta_min=0.001)], milestones=[4]), 16))
 * }</pre>
 *
 * PyTorch updates most of these recursively, so its numbers differ from the closed forms in the
 * last digits; they must agree to 10⁻¹².
 */
class LearningRateScheduleTest {

    private static void assertRates(LearningRateSchedule schedule, double... torch) {
        for (int t = 0; t < torch.length; t++) {
            assertThat(schedule.rate(t)).as("step %d", t).isCloseTo(torch[t], within(1e-12));
        }
    }

    @Test
    void stepDecayMatchesStepLR() {
        assertRates(new StepDecay(0.1, 3, 0.5), 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125);
    }

    @Test
    void cosineAnnealingMatchesCosineAnnealingLR() {
        assertRates(new CosineAnnealing(0.1, 10, 0.001), 0.1, 0.09757729755661011, 0.0905463412215599, 0.07959536998847742,
                0.0657963412215599, 0.0505, 0.03520365877844011, 0.02140463001152259, 0.010453658778440109, 0.0034227024433899004,
                0.001, 0.0034227024433899004, 0.01045365877844014, 0.02140463001152267);
    }

    @Test
    void oneCycleMatchesOneCycleLR() {
        assertRates(OneCycle.of(0.1, 20), 0.0040000000000000036, 0.013167184270002533, 0.037167184270002526, 0.06683281572999747,
                0.09083281572999748, 0.1, 0.09874640062350874, 0.09504846320134738, 0.089091617757105, 0.0811745653949763,
                0.07169430017913009, 0.06112620219362893, 0.0500002, 0.03887419780637107, 0.028306099820869922, 0.0188258346050237,
                0.010908782242895003, 0.004951936798652629, 0.0012539993764912555, 4e-07);
    }

    @Test
    void threePhaseLinearOneCycleMatchesOneCycleLR() {
        assertRates(OneCycle.of(0.1, 20).withThreePhase(true).withAnneal(OneCycle.Anneal.LINEAR), 0.004, 0.023200000000000002,
                0.04240000000000001, 0.0616, 0.08080000000000001, 0.1, 0.08080000000000001, 0.0616, 0.04240000000000001, 0.0232,
                0.0040000000000000036, 0.0035556, 0.0031112, 0.0026668000000000004, 0.0022224000000000002, 0.001778,
                0.0013336000000000003, 0.0008892000000000001, 0.0004448000000000004, 4.0000000000022656e-07);
    }

    @Test
    void warmUpMatchesLinearLRThenTheSchedule() {
        assertRates(new WarmUp(4, 0.1, new CosineAnnealing(0.1, 10, 0.001)), 0.010000000000000002, 0.03250000000000001,
                0.055000000000000014, 0.07750000000000003, 0.1, 0.09757729755661011, 0.0905463412215599, 0.07959536998847742,
                0.0657963412215599, 0.0505, 0.03520365877844011, 0.02140463001152259, 0.010453658778440109, 0.0034227024433899004,
                0.001, 0.0034227024433899004);
    }

    @Test
    void applySetsTheOptimisersRate() {
        Sgd sgd = new Sgd(List.of(Tensor.zeros(1).requireGrad()), Sgd.Params.of(1));
        new StepDecay(0.1, 3, 0.5).apply(sgd, 7);
        assertThat(sgd.learningRate()).isEqualTo(0.025);
    }

    @Test
    void badSettingsAndStepsAreRefused() {
        assertThatThrownBy(() -> new StepDecay(0.1, 0, 0.5)).hasMessage("StepDecay: the step size must be >= 1, got 0");
        assertThatThrownBy(() -> new StepDecay(0.1, 3, 0)).hasMessage("StepDecay: gamma must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new StepDecay(0.1, 3, 0.5).rate(-1)).hasMessage("StepDecay: step must be >= 0, got -1");
        assertThatThrownBy(() -> new CosineAnnealing(0.1, 0, 0)).hasMessage("CosineAnnealing: T_max must be >= 1, got 0");
        assertThatThrownBy(() -> new CosineAnnealing(-0.1, 10, 0))
                .hasMessage("CosineAnnealing: the initial rate must be a finite number >= 0, got -0.1");
        assertThatThrownBy(() -> OneCycle.of(0.1, 20).withPctStart(1)).hasMessage("OneCycle: pctStart must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> OneCycle.of(0.1, 20).withPctStart(0.05))
                .hasMessage("OneCycle: pctStart 0.05 of 20 steps leaves phase 1 empty (the phases end at steps [0.0, 19.0])");
        assertThatThrownBy(() -> OneCycle.of(0.1, 20).withPctStart(0.6).withThreePhase(true)).hasMessageContaining("leaves phase 3 empty");
        assertThatThrownBy(() -> OneCycle.of(0.1, 20).rate(20)).hasMessage("OneCycle: step must be in [0, 20), got 20");
        assertThatThrownBy(() -> new WarmUp(4, 0, new StepDecay(0.1, 3, 0.5)))
                .hasMessage("WarmUp: the start factor must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new WarmUp(0, 0.5, new StepDecay(0.1, 3, 0.5))).hasMessage("WarmUp: steps must be >= 1, got 0");
    }
}
