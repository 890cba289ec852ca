# Watchdog: runs the OpenBranch kiosk and starts it again one second after it exits.
param(
  [string]$Exe = "$env:ProgramFiles\OpenBranch\OpenBranch.exe",
  [string]$Config = "$env:ProgramData\OpenBranch\kiosk.yaml"
)
$kioskArgs = @('start')
if (Test-Path $Config) { $kioskArgs += @('--config', $Config) }
while ($true) {
  $p = Start-Process -FilePath $Exe -ArgumentList $kioskArgs -PassThru -Wait
  Write-EventLog -LogName Application -Source OpenBranch -EventId 1001 -EntryType Warning `
    -Message "OpenBranch exited with code $($p.ExitCode); restarting" -ErrorAction SilentlyContinue
  Start-Sleep -Seconds 1
}
