// A rule file's YAML document as a plain tree of our own. A file from `--rules DIR` is parsed by
// yaml-cpp and copied into one (tree_from_yaml); a built-in file comes as the tree its text made
// when jianbao was built (cli/tools/make_rule_snapshot.cpp), so start-up runs no YAML parser.
//
// RuleNode answers the part of yaml-cpp's Node interface that the loaders use, with yaml-cpp's
// results and exceptions (a missing key is an invalid node, `as<int>()` of a word throws
// TypedBadConversion with the node's mark, ...), so a file loads the same whichever way it came.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace jianbao::ruleset {

// One node, stored. The children of a node are contiguous: a sequence's items, or a mapping's
// key, value, key, value ... in document order. Marks are yaml-cpp's (0-based, -1 when none).
struct RuleTreeNode {
  int type;  // YAML::NodeType::value
  int line, column, pos;
  uint32_t first, count;  // children: nodes[first, first + count)
  uint32_t text, size;    // the scalar: strings[text, text + size)
};

class RuleNode;

// The nodes and scalar bytes of one document; nodes[0] is the root. Either owns them (read from
// yaml-cpp) or points at the build-time snapshot's arrays, which live as long as the program.
class RuleTree {
 public:
  RuleTree(const RuleTreeNode* nodes, size_t count, std::string_view strings)
      : nodes_(nodes), count_(count), strings_(strings) {}
  RuleTree(std::vector<RuleTreeNode> nodes, std::string strings);
  RuleTree(const RuleTree&) = delete;
  RuleTree& operator=(const RuleTree&) = delete;

  RuleNode root() const;
  const RuleTreeNode& node(uint32_t i) const { return nodes_[i]; }
  size_t size() const { return count_; }
  std::string_view text_of(const RuleTreeNode& n) const { return strings_.substr(n.text, n.size); }

 private:
  std::vector<RuleTreeNode> owned_nodes_;
  std::string owned_strings_;
  const RuleTreeNode* nodes_;
  size_t count_;
  std::string_view strings_;
};

// Copies a parsed document (rule files are small; aliases of scalars become copies).
std::unique_ptr<RuleTree> tree_from_yaml(const YAML::Node& root);

struct RuleEntry;

// A handle on a node of a RuleTree (which must outlive it), or an invalid node: what yaml-cpp's
// const operator[] gives for a missing key, remembering the key for its error message.
class RuleNode {
 public:
  RuleNode() = default;
  RuleNode(const RuleTree* tree, uint32_t index) : tree_(tree), index_(index) {}

  explicit operator bool() const { return IsDefined(); }
  bool IsDefined() const { return tree_ != nullptr; }
  YAML::NodeType::value Type() const;
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }
  std::string Scalar() const;
  YAML::Mark Mark() const;
  // A sequence's items or a mapping's entries; 0 for anything else.
  size_t size() const;

  RuleNode operator[](std::string_view key) const;
  RuleNode operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  RuleNode operator[](const std::string& key) const { return (*this)[std::string_view(key)]; }

  template <typename T>
  T as() const;

  class Iterator;
  Iterator begin() const;
  Iterator end() const;

 private:
  [[noreturn]] void throw_invalid() const;
  const RuleTreeNode& data() const { return tree_->node(index_); }

  const RuleTree* tree_ = nullptr;
  uint32_t index_ = 0;
  std::string invalid_key_;
};

// What iterating a node gives, as yaml-cpp's iterator_value: a sequence's item is the node
// itself (first and second invalid); a mapping's entry has its key and value.
struct RuleEntry : RuleNode {
  RuleNode first, second;
};

class RuleNode::Iterator {
 public:
  Iterator(const RuleTree* tree, uint32_t at, bool map) : tree_(tree), at_(at), map_(map) {}
  RuleEntry operator*() const;
  Iterator& operator++() {
    at_ += map_ ? 2 : 1;
    return *this;
  }
  bool operator!=(const Iterator& o) const { return at_ != o.at_; }
  bool operator==(const Iterator& o) const { return at_ == o.at_; }

 private:
  const RuleTree* tree_;
  uint32_t at_;
  bool map_;
};

template <typename T>
T RuleNode::as() const {
  if (!tree_) throw_invalid();
  if constexpr (std::is_same_v<T, std::string>) {
    if (IsNull()) return "null";
    if (!IsScalar()) throw YAML::TypedBadConversion<std::string>(Mark());
    return Scalar();
  } else {
    // yaml-cpp's own conversion of the scalar, so "0x10", "1e3" and " 5" read as they did.
    T value;
    if (IsScalar() && YAML::convert<T>::decode(YAML::Node(Scalar()), value)) return value;
    throw YAML::TypedBadConversion<T>(Mark());
  }
}

}  // namespace jianbao::ruleset
