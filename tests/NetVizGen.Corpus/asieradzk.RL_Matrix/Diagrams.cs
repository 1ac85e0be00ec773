// Corpus entry points (ours, not upstream): RLMatrix's reinforcement-learning networks. DQNNetProvider and
// PPONetProviderBase build them from the agent options; the configurations here are the providers' defaults
// (256 units, depth 2, 51 atoms) and the options of the repository's CartPole example (width 512, depth 2,
// dueling + categorical + noisy layers at scale 0.02, the "Rainbow" network). Observations are CartPole's 4
// floats with 2 actions, LunarLander's 8 floats with 4 actions (or 2 continuous actions), and an 8×8 grid
// for the 2D variants (the providers build a conv network for a float[,] observation).
using NetVizGen;
using RLMatrix;

namespace NetVizGen.Corpus.RlMatrix;

internal static class Diagrams
{
    /// <summary>The vanilla DQN the provider builds by default: two hidden layers of 256, one head per action
    /// branch, the heads stacked.</summary>
    [Diagram(Input = "N, 4", Name = "RlDqnCartPole")]
    public static DQN1D DqnCartPole() => new DQN1D("1DDQN", obsSize: 4, width: 256, actionSizes: [2], depth: 2);

    /// <summary>The CartPole example's DQN: dueling, categorical (51 atoms) and noisy layers (scale 0.02).
    /// The module starts in training mode, so the noisy layers add their noise buffers to the weights.</summary>
    [Diagram(Input = "N, 4", Name = "RlRainbowCartPole")]
    public static CategoricalDuelingDQN1D RainbowCartPole() =>
        new CategoricalDuelingDQN1D("1DCategoricalDuelingDQN", obsSize: 4, width: 512, actionSizes: [2], depth: 2, numAtoms: 51, noisyLayers: true, noiseScale: 0.02f);

    /// <summary>A dueling DQN with noisy layers over a LunarLander observation.</summary>
    [Diagram(Input = "N, 8", Name = "RlNoisyDuelingLunarLander")]
    public static DuelingDQN NoisyDuelingLunarLander() =>
        new DuelingDQN("1DDuelingDQN", obsSize: 8, width: 256, actionSizes: [4], depth: 2, noisyLayers: true, noiseScale: 0.02f);

    /// <summary>The categorical DQN for a 2D observation: one convolution over the whole grid, flattened.</summary>
    [Diagram(Input = "N, 8, 8", Name = "RlCategoricalGrid")]
    public static CategoricalDQN2D CategoricalGrid() =>
        new CategoricalDQN2D("2DCategoricalDQN", h: 8, w: 8, actionSizes: [4], width: 256, depth: 2, numAtoms: 51);

    /// <summary>The dueling DQN for a 2D observation.</summary>
    [Diagram(Input = "N, 8, 8", Name = "RlDuelingGrid")]
    public static DuelingDQN2D DuelingGrid() =>
        new DuelingDQN2D("2DDuelingDQN", h: 8, w: 8, actionSizes: [4], width: 256, depth: 2);

    /// <summary>The PPO actor of the repository's continuous example (width 512, depth 2): no discrete
    /// action, two continuous actions, each with a mean head and a log-std head.</summary>
    [Diagram(Input = "N, 8", Name = "RlPpoActorContinuous")]
    public static PPOActorNet1D PpoActorContinuous() =>
        new PPOActorNet1D("1DDQN", inputs: 8, width: 512, discreteActions: [], continuousActionBounds: [(-1f, 1f), (-1f, 1f)], depth: 2);

    /// <summary>The PPO actor with the recurrent option: a 2-layer LSTM before the dense layers.</summary>
    [Diagram(Input = "N, 8", Name = "RlPpoActorRnn")]
    public static PPOActorNet1D PpoActorRnn() =>
        new PPOActorNet1D("1DDQN", inputs: 8, width: 256, discreteActions: [4], continuousActionBounds: [], depth: 2, useRNN: true);

    /// <summary>The PPO critic with the recurrent option.</summary>
    [Diagram(Input = "N, 8", Name = "RlPpoCriticRnn")]
    public static PPOCriticNet1D PpoCriticRnn() => new PPOCriticNet1D("1DDQN", inputs: 8, width: 256, depth: 2, useRNN: true);

    /// <summary>The PPO actor for a 2D observation (the BallBalance example's width 128).</summary>
    [Diagram(Input = "N, 8, 8", Name = "RlPpoActorGrid")]
    public static PPOActorNet2D PpoActorGrid() =>
        new PPOActorNet2D("2DDQN", h: 8, w: 8, discreteActionSizes: [4], continuousActionBounds: [], width: 128, depth: 2);
}
