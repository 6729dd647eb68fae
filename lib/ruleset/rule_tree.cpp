#include "ruleset/rule_tree.h"

#include <utility>

namespace jianbao::ruleset {

RuleTree::RuleTree(std::vector<RuleTreeNode> nodes, std::string strings)
    : owned_nodes_(std::move(nodes)),
      owned_strings_(std::move(strings)),
      nodes_(owned_nodes_.data()),
      count_(owned_nodes_.size()),
      strings_(owned_strings_) {}

RuleNode RuleTree::root() const { return RuleNode(this, 0); }

std::unique_ptr<RuleTree> tree_from_yaml(const YAML::Node& root) {
  std::vector<RuleTreeNode> nodes;
  std::string strings;
  auto add = [&](const YAML::Node& n) {
    const YAML::Mark m = n.Mark();
    RuleTreeNode d{static_cast<int>(n.Type()), m.line, m.column, m.pos, 0, 0, 0, 0};
    if (n.IsScalar()) {
      d.text = static_cast<uint32_t>(strings.size());
      d.size = static_cast<uint32_t>(n.Scalar().size());
      strings += n.Scalar();
    }
    nodes.push_back(d);
  };
  // Breadth by node: each node's children are appended together when it is reached, so they are
  // contiguous; an explicit work list, since a rule file may nest deeper than our stack.
  std::vector<std::pair<YAML::Node, uint32_t>> todo;
  add(root);
  todo.emplace_back(root, 0);
  while (!todo.empty()) {
    const auto [n, index] = todo.back();
    todo.pop_back();
    if (!n.IsMap() && !n.IsSequence()) continue;
    const auto first = static_cast<uint32_t>(nodes.size());
    for (const auto& entry : n) {
      if (n.IsMap()) {
        add(entry.first);
        add(entry.second);
      } else {
        add(entry);
      }
    }
    nodes[index].first = first;
    nodes[index].count = static_cast<uint32_t>(nodes.size()) - first;
    uint32_t at = first;
    for (const auto& entry : n) {
      if (n.IsMap()) {
        todo.emplace_back(entry.first, at++);
        todo.emplace_back(entry.second, at++);
      } else {
        todo.emplace_back(entry, at++);
      }
    }
  }
  return std::make_unique<RuleTree>(std::move(nodes), std::move(strings));
}

void RuleNode::throw_invalid() const { throw YAML::InvalidNode(invalid_key_); }

YAML::NodeType::value RuleNode::Type() const {
  if (!tree_) throw_invalid();
  return static_cast<YAML::NodeType::value>(data().type);
}

std::string RuleNode::Scalar() const {
  if (!tree_) throw_invalid();
  return std::string(tree_->text_of(data()));
}

YAML::Mark RuleNode::Mark() const {
  if (!tree_) throw_invalid();
  YAML::Mark m = YAML::Mark::null_mark();
  m.line = data().line;
  m.column = data().column;
  m.pos = data().pos;
  return m;
}

size_t RuleNode::size() const {
  if (!tree_) throw_invalid();
  const RuleTreeNode& d = data();
  return d.type == YAML::NodeType::Map        ? d.count / 2
         : d.type == YAML::NodeType::Sequence ? d.count
                                              : 0;
}

// As yaml-cpp's const operator[]: a scalar has no keys (BadSubscript); a null node or a sequence
// has none of these (an invalid node); a mapping's key matches when it is a scalar of that text.
RuleNode RuleNode::operator[](std::string_view key) const {
  if (!tree_) throw_invalid();
  const RuleTreeNode& d = data();
  if (d.type == YAML::NodeType::Scalar) throw YAML::BadSubscript(Mark(), std::string(key));
  if (d.type == YAML::NodeType::Map) {
    for (uint32_t i = d.first; i < d.first + d.count; i += 2) {
      const RuleTreeNode& k = tree_->node(i);
      if (k.type == YAML::NodeType::Scalar && tree_->text_of(k) == key) {
        return RuleNode(tree_, i + 1);
      }
    }
  }
  RuleNode missing;
  missing.invalid_key_ = std::string(key);
  return missing;
}

RuleNode::Iterator RuleNode::begin() const {
  if (!tree_) return Iterator(nullptr, 0, false);
  const RuleTreeNode& d = data();
  const bool collection = d.type == YAML::NodeType::Map || d.type == YAML::NodeType::Sequence;
  return Iterator(tree_, collection ? d.first : 0, d.type == YAML::NodeType::Map);
}

RuleNode::Iterator RuleNode::end() const {
  if (!tree_) return Iterator(nullptr, 0, false);
  const RuleTreeNode& d = data();
  const bool collection = d.type == YAML::NodeType::Map || d.type == YAML::NodeType::Sequence;
  return Iterator(tree_, collection ? d.first + d.count : 0, d.type == YAML::NodeType::Map);
}

RuleEntry RuleNode::Iterator::operator*() const {
  RuleEntry e;
  if (map_) {
    e.first = RuleNode(tree_, at_);
    e.second = RuleNode(tree_, at_ + 1);
  } else {
    static_cast<RuleNode&>(e) = RuleNode(tree_, at_);
  }
  return e;
}

}  // namespace jianbao::ruleset
