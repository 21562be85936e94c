// A text made from another by replacing some of its spans, with the icu::Edits that map every
// offset of the new text back: the one way each normalising step (character references, markup
// left in, Unicode spacing) writes its output.
//
//   EditedText e(text, out, edits);
//   e.replace(at, length, "x");   // spans in increasing order, not overlapping
//   if (e.finish()) ...;          // false (and nothing written) when nothing was replaced
#pragma once

#include <string>
#include <string_view>

#include <unicode/edits.h>

namespace news {

class EditedText {
 public:
  EditedText(std::string_view from, std::string& out, icu::Edits& edits) : from_(from), out_(out), edits_(edits) {}

  void replace(size_t at, size_t length, std::string_view with) {
    if (!any_) out_.reserve(from_.size());
    any_ = true;
    if (at > done_) edits_.addUnchanged(int32_t(at - done_));
    out_.append(from_.substr(done_, at - done_));
    out_.append(with);
    edits_.addReplace(int32_t(length), int32_t(with.size()));
    done_ = at + length;
  }

  bool finish() {
    if (!any_) return false;
    if (done_ < from_.size()) edits_.addUnchanged(int32_t(from_.size() - done_));
    out_.append(from_.substr(done_));
    return true;
  }

 private:
  std::string_view from_;
  std::string& out_;
  icu::Edits& edits_;
  size_t done_ = 0;
  bool any_ = false;
};

}  // namespace news
