/// A disagreement between a declared source (tfvars, eksctl, manifests) and a live one (snapshot, state).
public struct DriftItem: Hashable, Comparable, Sendable, Codable {
    /// The entity, such as `nodeGroup eks_leadertools` or `cluster leadertools-qas`.
    public var entity: String
    public var field: String
    public var declared: String
    public var declaredAt: SourceLocation
    public var live: String
    public var liveAt: SourceLocation

    public init(entity: String, field: String, declared: String, declaredAt: SourceLocation, live: String,
                liveAt: SourceLocation) {
        self.entity = entity; self.field = field; self.declared = declared; self.declaredAt = declaredAt
        self.live = live; self.liveAt = liveAt
    }

    public static func < (lhs: DriftItem, rhs: DriftItem) -> Bool {
        (lhs.entity, lhs.field, lhs.declared, lhs.live) < (rhs.entity, rhs.field, rhs.declared, rhs.live)
    }
}
