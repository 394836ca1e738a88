#!/usr/bin/env bash
# Builds and runs a console project, outside the solution, that references the packed
# Diabaly package from a local folder feed (not a project reference).
set -euo pipefail
feed=$(cd "$1" && pwd)
dir=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
version=$(ls "$feed"/Diabaly.*.nupkg | grep -v snupkg | head -n1 | sed -E 's/.*Diabaly\.(.*)\.nupkg/\1/')
# Diabaly comes from the feed just packed and from nowhere else; its dependencies from the usual sources. The package folder is
# a fresh one, so a Diabaly of the same version restored earlier on this machine can never stand in for the one just built.
cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local-feed" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local-feed">
      <package pattern="Diabaly" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML
export NUGET_PACKAGES="$dir/packages"
cat > "$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Diabaly" Version="$version" />
  </ItemGroup>
</Project>
XML
cp "$here/consumer/"*.cs "$dir/"
cp "$here/../samples/dossiers/diabaly.yaml" "$dir/diabaly.yaml"
# The consumer must not inherit the repository's build settings.
echo '<Project />' > "$dir/Directory.Build.props"
echo '<Project />' > "$dir/Directory.Packages.props"
echo "consumer: Diabaly $version from $feed"
cd "$dir"
dotnet run --project Consumer.csproj
# The package the consumer ran is the one in the feed, byte for byte.
cmp "$(ls "$feed"/Diabaly.*.nupkg | grep -v snupkg | head -n1)" "$NUGET_PACKAGES/diabaly/$version/diabaly.$version.nupkg"
echo "consumer: ran the package just packed"
