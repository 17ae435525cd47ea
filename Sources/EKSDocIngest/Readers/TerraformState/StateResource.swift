import EKSDocModel

/// One instance of a managed resource in a Terraform state: its type and attributes, with the
/// resource address (`module.vpc.aws_subnet.private["a"]`) as the diagnostic context.
struct StateResource {
    var type: String
    var attributes: Fields

    /// Where the entity was read from: its `attributes` object.
    var location: SourceLocation { attributes.node.location }

    /// The first object of a single-item nested block such as `vpc_config[0]`.
    func block(_ key: String, _ d: inout Diagnostics) -> Fields? {
        AWSReaderSupport.objects(attributes, key, &d).first
    }

    /// Resource tags: `tags_all` (provider default tags included) overlaid with `tags`.
    func tags(_ d: inout Diagnostics) -> Tags {
        attributes.stringMap("tags_all", &d).merging(attributes.stringMap("tags", &d)) { _, own in own }
    }
}

extension TerraformStateReader {
    /// Runs `update` on the entity with id `id` in `list`, first appending `make()` when there is none.
    static func upsert<T>(_ list: inout [T], id: String, idOf: (T) -> String, make: () -> T,
                          update: (inout T) -> Void) {
        if let index = list.firstIndex(where: { idOf($0) == id }) {
            update(&list[index])
        } else {
            var entity = make()
            update(&entity)
            list.append(entity)
        }
    }
}
