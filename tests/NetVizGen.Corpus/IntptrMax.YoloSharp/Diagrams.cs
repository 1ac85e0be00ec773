// Corpus entry points (ours, not upstream): YoloSharp's detection models at size n, and a classifier.
using NetVizGen;
using YoloSharp.Models;
using YoloSharp.Types;

namespace NetVizGen.Corpus.YoloSharp;

internal static class Diagrams
{
    [Diagram(Input = "N,3,320,320", Name = "YoloV8n")]
    public static Yolo.Yolov8 Yolov8() => new Yolo.Yolov8(nc: 80, yoloSize: YoloSize.n);

    [Diagram(Input = "N,3,320,320", Name = "YoloV5un")]
    public static Yolo.Yolov8 Yolov5u() => new Yolo.Yolov5u(nc: 80, yoloSize: YoloSize.n);

    [Diagram(Input = "N,3,320,320", Name = "YoloV11n")]
    public static Yolo.Yolov8 Yolov11() => new Yolo.Yolov11(nc: 80, yoloSize: YoloSize.n);

    [Diagram(Input = "N,3,224,224", Name = "YoloV8nClassify")]
    public static Yolo.Yolov8 Yolov8Classify() => new Yolo.Yolov8Classify(nc: 10, yoloSize: YoloSize.n);

    [Diagram(Input = "N,3,320,320", Name = "YoloV8nSegment")]
    public static Yolo.Yolov8 Yolov8Segment() => new Yolo.Yolov8Segment(nc: 80, yoloSize: YoloSize.n);

    [Diagram(Input = "N,3,320,320", Name = "YoloV8nPose")]
    public static Yolo.Yolov8 Yolov8Pose() => new Yolo.Yolov8Pose(nc: 1, yoloSize: YoloSize.n);

    [Diagram(Input = "N,3,320,320", Name = "YoloV11nObb")]
    public static Yolo.Yolov8 Yolov11Obb() => new Yolo.Yolov11Obb(nc: 15, yoloSize: YoloSize.n);

    [Diagram(Input = "N,3,320,320", Name = "YoloV12n")]
    public static Yolo.Yolov8 Yolov12() => new Yolo.Yolov12(nc: 80, yoloSize: YoloSize.n);
}
