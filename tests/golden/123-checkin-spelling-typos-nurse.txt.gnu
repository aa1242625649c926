corpus/123-checkin-spelling-typos-nurse.txt:3:59: error: 'interveiw' looks misspelt; did you mean 'interview'? (suggestion: 'interview') [FollowUp.Spelling]
corpus/123-checkin-spelling-typos-nurse.txt:3:148: error: 'recieve' looks misspelt; did you mean 'receive'? (suggestions: 'receive', 'relieve') [FollowUp.Spelling]
# exit 1
