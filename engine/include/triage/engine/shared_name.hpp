// An immutable string that many declarations share (the file an origin is
// in, the code group an atom tests): one heap copy per distinct name instead
// of one per rule, and 16 bytes in the owner instead of a std::string's 32.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace triage::engine {

/// Reads like a const std::string. Copies share the text; make one per
/// distinct name and copy it to every owner to get the saving.
class SharedName {
public:
    SharedName() = default;
    SharedName(std::string text) : text_(std::make_shared<const std::string>(std::move(text))) {}
    SharedName(const char* text) : SharedName(std::string(text)) {}

    const std::string& str() const { return text_ ? *text_ : emptyText(); }
    operator const std::string&() const { return str(); }
    operator std::string_view() const { return str(); }
    bool empty() const { return str().empty(); }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const SharedName& a, const SharedName& b) { return a.str() == b.str(); }
    friend bool operator==(const SharedName& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const SharedName& a, const char* b) { return a.str() == b; }
    friend std::string operator+(std::string a, const SharedName& b) { return a += b.str(); }
    friend std::string operator+(const SharedName& a, std::string_view b) { return a.str() + std::string(b); }
    friend std::string operator+(const SharedName& a, const char* b) { return a.str() + b; }
    friend std::ostream& operator<<(std::ostream& out, const SharedName& name) { return out << name.str(); }

private:
    static const std::string& emptyText() {
        static const std::string empty;
        return empty;
    }
    std::shared_ptr<const std::string> text_;
};

}  // namespace triage::engine
