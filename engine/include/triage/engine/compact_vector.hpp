// A std::vector in 16 bytes instead of 24 (32-bit size and capacity), for the
// atoms and nodes of rule conditions: a large rule base holds two per rule.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>

namespace triage::engine {

/// Reads like a std::vector (size, [], at, front, back, iteration,
/// push_back, reserve, shrink_to_fit, ==) for up to 2^32 - 1 elements. A copy is allocated at its size.
template <typename T>
class CompactVector {
public:
    using value_type = T;
    using size_type = std::size_t;
    using iterator = T*;
    using const_iterator = const T*;
    using reference = T&;
    using const_reference = const T&;

    CompactVector() = default;
    CompactVector(const CompactVector& other) { copyFrom(other); }
    CompactVector(CompactVector&& other) noexcept { steal(other); }
    CompactVector& operator=(const CompactVector& other) {
        if (this != &other) {
            release();
            copyFrom(other);
        }
        return *this;
    }
    CompactVector& operator=(CompactVector&& other) noexcept {
        if (this != &other) {
            release();
            steal(other);
        }
        return *this;
    }
    ~CompactVector() { release(); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T* data() { return data_; }
    const T* data() const { return data_; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    T& operator[](std::size_t i) { return data_[i]; }
    const T& operator[](std::size_t i) const { return data_[i]; }
    const T& at(std::size_t i) const {
        if (i >= size_) throw std::out_of_range("CompactVector::at");
        return data_[i];
    }
    T& front() { return data_[0]; }
    const T& front() const { return data_[0]; }
    T& back() { return data_[size_ - 1]; }
    const T& back() const { return data_[size_ - 1]; }

    void reserve(std::size_t count) {
        if (count > capacity_) reallocate(count);
    }

    void push_back(T value) {
        if (size_ == capacity_) reallocate(size_ == 0 ? 1 : 2 * std::size_t{size_});
        new (data_ + size_) T(std::move(value));
        ++size_;
    }

    /// Gives back the capacity past the size (moving the elements), as std::vector may.
    void shrink_to_fit() {
        if (size_ == 0) release();
        else if (capacity_ > size_) reallocate(size_);
    }

    void clear() { release(); }

    friend bool operator==(const CompactVector& a, const CompactVector& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    /// Owned storage for `count` elements, the current ones moved into it.
    void reallocate(std::size_t count) {
        T* block = std::allocator<T>().allocate(count);
        std::uninitialized_move_n(data_, size_, block);
        const std::uint32_t size = size_;
        release();
        data_ = block;
        size_ = size;
        capacity_ = static_cast<std::uint32_t>(count);
    }

    /// Requires an empty vector.
    void copyFrom(const CompactVector& other) {
        if (other.size_ == 0) return;
        T* block = std::allocator<T>().allocate(other.size_);
        try {
            std::uninitialized_copy_n(other.data_, other.size_, block);
        } catch (...) {
            std::allocator<T>().deallocate(block, other.size_);
            throw;
        }
        data_ = block;
        size_ = capacity_ = other.size_;
    }

    void steal(CompactVector& other) {
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        capacity_ = std::exchange(other.capacity_, 0);
    }

    /// Destroys and frees the elements.
    void release() {
        if (capacity_ != 0) {
            std::destroy_n(data_, size_);
            std::allocator<T>().deallocate(data_, capacity_);
        }
        data_ = nullptr;
        size_ = 0;
        capacity_ = 0;
    }

    T* data_ = nullptr;
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = 0;
};

static_assert(sizeof(CompactVector<int>) == 16, "a pointer and two 32-bit counts");

}  // namespace triage::engine
