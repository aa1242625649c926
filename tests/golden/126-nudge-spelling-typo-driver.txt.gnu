corpus/126-nudge-spelling-typo-driver.txt:3:80: error: 'untill' looks misspelt; did you mean 'until'? (suggestion: 'until') [FollowUp.Spelling]
# exit 1
