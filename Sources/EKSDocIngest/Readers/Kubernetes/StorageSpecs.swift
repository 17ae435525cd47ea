import EKSDocModel

/// StorageClasses and PersistentVolumeClaims.
extension KubernetesSpecs {
    /// Annotations that make a StorageClass the cluster default (GA and the older beta one).
    static let defaultClassAnnotations = [
        "storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class",
    ]

    /// Reads a StorageClass; nil (with an error) when it has no provisioner.
    static func storageClass(_ object: Fields, annotations: [String: String],
                             _ d: inout Diagnostics) -> StorageClassSpec? {
        guard let provisioner = object.mandatoryString("provisioner", &d) else { return nil }
        let isDefault = defaultClassAnnotations.contains { annotations[$0]?.lowercased() == "true" }
        return StorageClassSpec(provisioner: provisioner, parameters: object.stringMap("parameters", &d),
                                reclaimPolicy: object.string("reclaimPolicy", &d),
                                volumeBindingMode: object.string("volumeBindingMode", &d), isDefault: isDefault)
    }

    static func claim(_ object: Fields, _ d: inout Diagnostics) -> ClaimSpec {
        guard let spec = object.fields("spec", &d) else { return ClaimSpec() }
        return ClaimSpec(storageClass: spec.string("storageClassName", &d),
                         size: spec.fields(path: ["resources", "requests"], &d)?.string("storage", &d),
                         accessModes: spec.strings("accessModes", &d))
    }
}
