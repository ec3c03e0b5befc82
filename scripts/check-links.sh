#!/usr/bin/env bash
# Checks that every relative Markdown link in the published documentation resolves:
# [text](path), [text](path#anchor), [text](#anchor) and ![alt](path), outside code blocks
# and code spans. The path must name an existing file or directory (relative to the file
# that links); an anchor into a Markdown file must be the GitHub slug of one of its
# headings. Links with a scheme (https:, mailto:) are not checked. Exits 1 on a broken link.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

files=(README.md CONTRIBUTING.md docs/*.md monitoring/*.md benchmarks/README.md)

# Prints each link target of a Markdown file, one a line.
links() {
	awk '
		/^[ \t]*(```|~~~)/ { fenced = !fenced; next }
		fenced { next }
		{
			line = $0
			gsub(/``[^`]*``/, "", line)
			gsub(/`[^`]*`/, "", line)
			while (match(line, /\]\([^) \t]+( "[^"]*")?\)/)) {
				target = substr(line, RSTART + 2, RLENGTH - 3)
				sub(/ ".*$/, "", target)
				print target
				line = substr(line, RSTART + RLENGTH)
			}
		}' "$1"
}

# Prints the GitHub anchor of every heading of a Markdown file, one a line.
anchors() {
	awk '
		/^[ \t]*(```|~~~)/ { fenced = !fenced; next }
		fenced { next }
		/^#+[ \t]/ {
			text = $0
			sub(/^#+[ \t]+/, "", text)
			sub(/[ \t]+#*[ \t]*$/, "", text)
			while (match(text, /\[[^]]*\]\([^)]*\)/)) {
				link = substr(text, RSTART, RLENGTH)
				sub(/\]\(.*$/, "", link)
				text = substr(text, 1, RSTART - 1) substr(link, 2) substr(text, RSTART + RLENGTH)
			}
			slug = tolower(text)
			gsub(/[^a-z0-9 _-]/, "", slug)
			gsub(/ /, "-", slug)
			if (slug in seen) { print slug "-" seen[slug]; seen[slug]++ } else { print slug; seen[slug] = 1 }
		}' "$1"
}

broken=0
checked=0
for file in "${files[@]}"; do
	[[ -f $file ]] || continue
	dir=$(dirname "$file")
	while IFS= read -r target; do
		case $target in
			*:*) continue ;;
		esac
		checked=$((checked + 1))
		path=${target%%#*}
		anchor=
		if [[ $target == *#* ]]; then
			anchor=${target#*#}
		fi
		if [[ -z $path ]]; then
			resolved=$file
		else
			resolved=$dir/$path
		fi
		if [[ ! -e $resolved ]]; then
			echo "$file: broken link ($target): $resolved does not exist" >&2
			broken=$((broken + 1))
			continue
		fi
		if [[ -n $anchor && $resolved == *.md ]] && ! anchors "$resolved" | grep -qxF -- "$anchor"; then
			echo "$file: broken link ($target): no heading with anchor #$anchor in $resolved" >&2
			broken=$((broken + 1))
		fi
	done < <(links "$file")
done

if [[ $broken -gt 0 ]]; then
	echo "$broken broken link(s) of $checked relative links checked" >&2
	exit 1
fi
echo "Links: all $checked relative links resolve"
