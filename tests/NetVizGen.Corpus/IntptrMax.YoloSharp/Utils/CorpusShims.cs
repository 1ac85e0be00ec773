// Corpus shim (ours, not upstream): the upstream Utils/Metrics.cs and Utils/Ops.cs also hold plotting and image
// code (ScottPlot, OpenCvSharp), which the corpus does not reference. Only the training-time assigners of
// Utils/Tal.cs call these five functions; no model's forward reaches them.
using TorchSharp;

namespace YoloSharp.Utils
{
    internal static class Metrics
    {
        internal static torch.Tensor bbox_iou(torch.Tensor box1, torch.Tensor box2, bool xywh = true, bool GIoU = false, bool DIoU = false, bool CIoU = false, float eps = 1e-7f)
            => throw new NotSupportedException("training-time metric, not part of the corpus");

        internal static torch.Tensor probiou(torch.Tensor obb1, torch.Tensor obb2, bool CIoU = false, float eps = 1e-7f)
            => throw new NotSupportedException("training-time metric, not part of the corpus");
    }

    internal static class Ops
    {
        internal static torch.Tensor xyxy2xywh(torch.Tensor x) => throw new NotSupportedException("training-time conversion, not part of the corpus");

        internal static torch.Tensor xywh2xyxy(torch.Tensor x) => throw new NotSupportedException("training-time conversion, not part of the corpus");

        internal static torch.Tensor xywhr2xyxyxyxy(torch.Tensor x) => throw new NotSupportedException("training-time conversion, not part of the corpus");
    }
}
