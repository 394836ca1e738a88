#!/usr/bin/env bash
# Builds and runs a console project, outside the solution, that references the packed
# Diabaly package from a local folder feed (not a project reference).
set -euo pipefail
feed=$(cd "$1" && pwd)
dir=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
version=$(ls "$feed"/Diabaly.*.nupkg | grep -v snupkg | head -n1 | sed -E 's/.*Diabaly\.(.*)\.nupkg/\1/')
cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local-feed" value="$feed" />
  </packageSources>
</configuration>
XML
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
cp "$here/consumer/Program.cs" "$dir/Program.cs"
cp "$here/../samples/dossiers/diabaly.yaml" "$dir/diabaly.yaml"
# The consumer must not inherit the repository's build settings.
echo '<Project />' > "$dir/Directory.Build.props"
echo '<Project />' > "$dir/Directory.Packages.props"
echo "consumer: Diabaly $version from $feed"
cd "$dir"
dotnet run --project Consumer.csproj
