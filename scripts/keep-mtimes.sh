#!/usr/bin/env bash
# Gives each tracked file the modification time it had in the last run of this script, if its
# content is the same; records the times for the next run.
#
#   scripts/keep-mtimes.sh      (scripts/test.sh runs it first)
#
# Why: cargo decides whether our crates need compiling again by comparing their source files'
# times with those of its last build, and a fresh clone (CI clones afresh for every run) has
# every file new. Compiled code is kept outside the clone (CARGO_TARGET_DIR in scripts/env.sh);
# with the times restored, a file whose content has not changed since that build does not
# trigger a rebuild, and one that has changed is stamped now, so that it is newer than any
# build in the cache. Files with changes not yet staged are left alone and not recorded.
#
# Only scripts/test.sh uses that cache, and one per clone folder: a build from some other
# checkout in it (which this script would not know about) could otherwise pass for fresh.
set -euo pipefail
cd "$(dirname "$0")/.."
manifest="${DEPUTY_CACHE:?set by scripts/test.sh: the cache folder of this clone}/mtimes.tsv"
mkdir -p "$(dirname "$manifest")"
touch "$manifest"
{ git ls-files -s -z; printf '\0--dirty--\0'; git diff --name-only -z; } | perl -0 -e '
  my ($manifest) = @ARGV;
  my (%was, %dirty, @files);
  open my $m, "<", $manifest or die "$manifest: $!";
  { local $/ = "\n"; while (<$m>) { chomp; my ($path, $blob, $time) = split /\t/; $was{$path} = [$blob, $time]; } }
  close $m;
  my $in_dirty = 0;
  while (my $rec = <STDIN>) {
    chomp $rec;
    if ($rec eq "--dirty--") { $in_dirty = 1; next; }
    next if $rec eq "";
    if ($in_dirty) { $dirty{$rec} = 1; next; }
    my ($meta, $path) = split /\t/, $rec, 2;
    my (undef, $blob) = split / /, $meta;
    push @files, [$path, $blob];
  }
  my ($kept, $new) = (0, 0);
  open my $out, ">", "$manifest.tmp" or die "$manifest.tmp: $!";
  for (@files) {
    my ($path, $blob) = @$_;
    next if $dirty{$path} || -l $path || !-f $path;
    my $w = $was{$path};
    if ($w && $w->[0] eq $blob) { utime $w->[1], $w->[1], $path or die "$path: $!"; $kept++; }
    else { utime undef, undef, $path or die "$path: $!"; $new++; }
    my $time = (stat $path)[9];
    print $out "$path\t$blob\t$time\n";
  }
  # Folders too: a build script that watches a folder (build.rs: `rerun-if-changed=src`) sees
  # the newest time in it, their own times included. A folder keeps its time while the list of
  # what it holds is the same.
  my %children;
  for (@files) {
    my @parts = split m{/}, $_->[0];
    for my $i (0 .. $#parts - 1) {
      my $dir = join "/", @parts[0 .. $i];
      $children{$dir}{$parts[$i + 1]} = 1;
    }
  }
  for my $dir (sort keys %children) {
    next if -l $dir || !-d $dir;
    my $listing = join "/", sort keys %{$children{$dir}};
    my $w = $was{"$dir/"};
    if ($w && $w->[0] eq $listing) { utime $w->[1], $w->[1], $dir or die "$dir: $!"; }
    else { utime undef, undef, $dir or die "$dir: $!"; }
    my $time = (stat $dir)[9];
    print $out "$dir/\t$listing\t$time\n";
  }
  close $out;
  rename "$manifest.tmp", $manifest or die "$manifest: $!";
  print "file times: $kept unchanged files keep their earlier time, $new new or changed\n";
' "$manifest"
