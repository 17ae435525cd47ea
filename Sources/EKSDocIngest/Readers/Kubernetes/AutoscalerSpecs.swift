import EKSDocModel

/// HorizontalPodAutoscalers (`autoscaling/v1`, `v2beta1`, `v2beta2`, `v2`), with metrics in short form:
/// `cpu 70%`, `memory 500Mi average`, `pods packets-per-second 1k average`, `external queue_depth 30`.
extension KubernetesSpecs {
    static func autoscaler(_ object: Fields, _ d: inout Diagnostics) -> AutoscalerSpec? {
        guard let spec = object.fields("spec", &d) else { return nil }
        let ref = spec.fields("scaleTargetRef", &d)
        var autoscaler = AutoscalerSpec(target: "\(ref?.string("kind", &d) ?? "")/\(ref?.string("name", &d) ?? "")",
                                        min: spec.int("minReplicas", &d), max: spec.int("maxReplicas", &d))
        if let cpu = spec.int("targetCPUUtilizationPercentage", &d) { autoscaler.metrics.append("cpu \(cpu)%") }
        autoscaler.metrics += spec.itemFields("metrics", &d).compactMap { metric($0, &d) }
        return autoscaler
    }

    /// One metric in short form; nil when its type is missing.
    static func metric(_ m: Fields, _ d: inout Diagnostics) -> String? {
        guard let type = m.string("type", &d) else { return nil }
        var parts: [String?]
        switch type {
        case "Resource":
            let r = m.fields("resource", &d)
            parts = [r?.string("name", &d), r.flatMap { metricTarget($0, &d) }]
        case "ContainerResource":
            let r = m.fields("containerResource", &d)
            parts = [r?.string("container", &d), r?.string("name", &d), r.flatMap { metricTarget($0, &d) }]
        case "Pods":
            let p = m.fields("pods", &d)
            parts = ["pods", p.flatMap { metricName($0, &d) }, p.flatMap { metricTarget($0, &d) }]
        case "Object":
            let o = m.fields("object", &d)
            let described = o?.fields("describedObject", &d) ?? o?.fields("target", &d)
            let objectName = described.map { "\($0.string("kind", &d) ?? "")/\($0.string("name", &d) ?? "")" }
            parts = ["object", objectName, o.flatMap { metricName($0, &d) }, o.flatMap { metricTarget($0, &d) }]
        case "External":
            let e = m.fields("external", &d)
            parts = ["external", e.flatMap { metricName($0, &d) }, e.flatMap { metricTarget($0, &d) }]
        default:
            parts = [type]
        }
        return parts.compactMap { $0 }.joined(separator: " ")
    }

    /// `metric.name` (v2) or `metricName` (v2beta1).
    static func metricName(_ source: Fields, _ d: inout Diagnostics) -> String? {
        source.fields("metric", &d)?.string("name", &d) ?? source.string("metricName", &d)
    }

    /// `70%`, `500Mi average` or `30`, from a v2 `target` or the v2beta1 `target*` fields.
    static func metricTarget(_ source: Fields, _ d: inout Diagnostics) -> String? {
        if let target = source.fields("target", &d), let text = targetText(target, &d) { return text }
        return targetText(source, &d)
    }

    private static func targetText(_ target: Fields, _ d: inout Diagnostics) -> String? {
        if let percent = target.int("averageUtilization", &d) ?? target.int("targetAverageUtilization", &d) {
            return "\(percent)%"
        }
        if let average = target.string("averageValue", &d) ?? target.string("targetAverageValue", &d) {
            return "\(average) average"
        }
        return target.string("value", &d) ?? target.string("targetValue", &d)
    }
}
