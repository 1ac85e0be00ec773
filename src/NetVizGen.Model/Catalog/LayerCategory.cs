namespace NetVizGen.Model.Catalog;

/// <summary>What kind of layer or op a node is; the renderer picks colours and shapes from it.</summary>
public enum LayerCategory
{
    /// <summary>A model input.</summary>
    Input,
    /// <summary>A model output.</summary>
    Output,
    /// <summary>Convolutions and transposed convolutions.</summary>
    Conv,
    /// <summary>Fully connected layers and matrix products.</summary>
    Linear,
    /// <summary>Normalisation layers.</summary>
    Norm,
    /// <summary>Element-wise non-linearities and softmax.</summary>
    Activation,
    /// <summary>Pooling.</summary>
    Pool,
    /// <summary>RNN, LSTM, GRU.</summary>
    Recurrent,
    /// <summary>Attention and transformer layers.</summary>
    Attention,
    /// <summary>Embedding tables.</summary>
    Embedding,
    /// <summary>Dropout variants.</summary>
    Dropout,
    /// <summary>Shape-only changes: flatten, view, permute, ...</summary>
    Reshape,
    /// <summary>Merges of several tensors: add, cat, stack, mul.</summary>
    Merge,
    /// <summary>Padding layers.</summary>
    Padding,
    /// <summary>Upsampling and pixel shuffles.</summary>
    Upsample,
    /// <summary>Sequential, ModuleList, ModuleDict.</summary>
    Container,
    /// <summary>A user-defined block.</summary>
    Block,
    /// <summary>Anything else.</summary>
    Other,
}
