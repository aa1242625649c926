corpus/161-nudge-scolding-heard-from-you.txt:3:9: error: 'haven't heard back from you' points at the reader's silence or blames them; drop it and refer to the timeline they gave you instead ("You mentioned a decision by mid-May, so I wanted to check in"). [FollowUp.Scolding]
# exit 1
